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
 * by an update) the rest of the tab stays usable, and "Opnieuw proberen" loads the page again, which is the
 * only way to fetch a module again (the browser remembers a failed one for the life of the page). Typed
 * answers are in the autosave, so reloading loses nothing.
 */
export function LoadBoundary({
  children,
  reload = () => window.location.reload(),
}: {
  children: ReactNode;
  /** How to try again; the page reload, replaceable in tests. */
  reload?: () => void;
}) {
  const i18n = useI18n();
  return (
    <Boundary
      fallback={(reset) => (
        <ProblemBar
          error={new Error(i18n.t('app.loadFailed'))}
          onRetry={() => {
            reset();
            reload();
          }}
        />
      )}
    >
      {children}
    </Boundary>
  );
}
