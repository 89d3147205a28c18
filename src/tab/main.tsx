/*
 * The app's entry: detects the host (Teams or a plain browser) and renders the tab. The page's code and data
 * were asked for by early.ts, which runs before this script's dependencies have arrived.
 */
import { mount } from './app.js';
import { showBootText } from './boot.js';
import { hostOfThisPage } from './host/host.js';

const configure = new URLSearchParams(window.location.search).get('view') === 'configure';
const container = document.getElementById('root');
if (container) {
  void hostOfThisPage().then(async (host) => {
    showBootText(container, host.locale, 'loading');
    await mount(container, host, configure ? 'configure' : 'app');
  });
}
