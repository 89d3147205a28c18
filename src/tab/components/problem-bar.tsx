/** An error as a sentence a person can act on, in a message bar with a retry. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ApiError, NetworkError } from '../api/client.js';
import { useI18n, type I18n } from '../i18n/i18n.js';

/**
 * A sentence a person can act on for any error: by the domain's code where its text would quote a validator,
 * otherwise the server's `detail` (the domain's message, already in their language).
 */
export function describeError(error: unknown, i18n: I18n): string {
  // Codes whose server text quotes a validator: the catalogue's sentence instead, the form marks the fields.
  if (error instanceof ApiError && error.code === 'invalid_answers')
    return i18n.t('error.code.invalid_answers');
  if (error instanceof ApiError)
    return error.problem.detail ?? i18n.t('error.generic', { status: error.status });
  if (error instanceof NetworkError) return i18n.t('error.network');
  return error instanceof Error && error.message ? error.message : i18n.t('error.title');
}

/** Shows an API or network error as a Fluent MessageBar, with an optional retry. */
export function ProblemBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{i18n.t('error.title')}</MessageBarTitle>
        {describeError(error, i18n)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{i18n.t('app.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
