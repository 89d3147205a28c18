/** The result of an irreversible step, shown where the person is: in place of the button, and as a toast. */
import {
  MessageBar,
  MessageBarBody,
  Toast,
  ToastTitle,
  Toaster,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';

/**
 * The result of an irreversible step, shown where the person is: a toast, and the same sentence in place of the
 * button she pressed, which takes focus (so she is not sent to the top of the page while she is at the bottom).
 */
export function useStepResult(): {
  result: string | undefined;
  /**
   * `text` stands in place, `toast` (a few words) pops up; `testId` names the message (e.g. `meeting-locked`, the
   * one a page shows for that state otherwise).
   */
  show(text: string, toast: string, testId?: string): void;
  toaster: ReactElement;
  view: ReactElement | null;
} {
  const toasterId = useId('step-result');
  const { dispatchToast } = useToastController(toasterId);
  const [result, setResult] = useState<string | undefined>(undefined);
  const [testId, setTestId] = useState<string | undefined>(undefined);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, [result]);
  const show = useCallback(
    (text: string, toast: string, id?: string) => {
      setResult(text);
      setTestId(id);
      dispatchToast(
        <Toast>
          <ToastTitle>{toast}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 6000 },
      );
    },
    [dispatchToast],
  );
  return {
    result,
    show,
    // At the top: the result stands where the button was, often at the foot of a page too short to scroll it up,
    // and a toast at the bottom lay over it.
    toaster: <Toaster toasterId={toasterId} position="top-end" />,
    view: result ? (
      <div ref={ref} tabIndex={-1} data-testid="step-result">
        <MessageBar intent="success" layout="multiline" data-testid={testId}>
          <MessageBarBody>{result}</MessageBarBody>
        </MessageBar>
      </div>
    ) : null,
  };
}
