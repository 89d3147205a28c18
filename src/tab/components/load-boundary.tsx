/** What shows while on-demand code loads, and a retry when it cannot be fetched. */
import { Component, Suspense, type ReactNode } from 'react';
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
 * Around code that loads on demand (a page, a dialog): shows `loading` while its chunk is on its way and, when
 * it cannot be fetched (offline, or replaced by an update), keeps the rest of the tab usable, and "Opnieuw proberen" loads the page again, which is the
 * only way to fetch a module again (the browser remembers a failed one for the life of the page). Typed
 * answers are in the autosave, so reloading loses nothing.
 */
export function LoadBoundary({
  children,
  loading = null,
  reload = () => window.location.reload(),
}: {
  children: ReactNode;
  /** Shown while the code is on its way; nothing by default. */
  loading?: ReactNode;
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
      <Suspense fallback={loading}>{children}</Suspense>
    </Boundary>
  );
}
