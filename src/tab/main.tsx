import { createRoot } from 'react-dom/client';
import { detectHost } from './host/host.js';
import { Root } from './root.js';

const container = document.getElementById('root');
if (container) {
  void detectHost().then((host) => {
    document.documentElement.lang = host.locale;
    createRoot(container).render(<Root host={host} />);
  });
}
