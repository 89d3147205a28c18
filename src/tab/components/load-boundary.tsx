import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { ProblemBar } from './problem-bar.js';

interface BoundaryProps {
  children: ReactNode;
  fallback: (retry: () => void) => ReactNode;
}

/** React's error boundary, as a class because React offers no hook for it. */
class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children;
  }
}

/**
 * Around code that loads on demand (a page, a dialog): when its chunk cannot be fetched (offline, or replaced
 * by an update) the rest of the tab stays usable and "Opnieuw proberen" fetches it again, instead of the whole
 * tab going blank. Typed answers are in the autosave, so nothing is lost either way.
 */
export function LoadBoundary({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  return (
    <Boundary
      fallback={(retry) => <ProblemBar error={new Error(i18n.t('app.loadFailed'))} onRetry={retry} />}
    >
      {children}
    </Boundary>
  );
}
