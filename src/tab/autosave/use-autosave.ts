/** The React hook around the autosave controller: one form's saving, restoring and merging in a page. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError, isTransient } from '../api/client.js';
import type { ConversationView } from '../api/types.js';
import {
  AutosaveController,
  StaleRevisionError,
  TransientSaveError,
  type SaveStatus,
  type ServerState,
  type Values,
} from './autosave.js';

export interface UseAutosaveOptions {
  /** Storage key suffix: one per conversation and form. */
  storageKey: string;
  view: ConversationView;
  /** The values of this form in a conversation view (e.g. its preparation answers). */
  extract: (view: ConversationView) => Values;
  /** Sends the changed fields; resolves with the new view. */
  send: (revision: number, changed: Values, all: Values) => Promise<ConversationView>;
  /** Called with every view the server returns, so the page shows the newest state. */
  onView: (view: ConversationView) => void;
  /** Whether a field can be sent as it is (see AutosaveOptions.ready). */
  ready?: (field: string, value: unknown) => boolean;
  /** Whether a field waits because it is longer than the server accepts. */
  tooLong?: (field: string, value: unknown) => boolean;
}

export interface Autosave {
  values: Values;
  status: SaveStatus;
  /** The revision the next command must carry. */
  revision: number;
  restored: boolean;
  edit(field: string, value: unknown): void;
  resolve(choices: Record<string, 'mine' | 'theirs'>): void;
  /** Sends what is pending; true when the server has everything. */
  flushNow(): Promise<boolean>;
  adopt(view: ConversationView): void;
}

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Autosave for one form of a conversation: debounced, kept on this device until the server has it, retried
 * when the connection returns, with a merge choice when the conversation changed elsewhere.
 */
export function useAutosave(options: UseAutosaveOptions): Autosave {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [, setTick] = useState(0);
  const controllerRef = useRef<AutosaveController | null>(null);

  if (controllerRef.current === null) {
    const initial: ServerState = {
      revision: options.view.conversation.revision,
      values: options.extract(options.view),
    };
    controllerRef.current = new AutosaveController({
      storageKey: `gc.pending.${options.storageKey}`,
      storage: browserStorage(),
      initial,
      onChange: () => setTick((n) => n + 1),
      ready: (field, value) => optionsRef.current.ready?.(field, value) ?? true,
      tooLong: (field, value) => optionsRef.current.tooLong?.(field, value) ?? false,
      send: async (revision, changed, all) => {
        const current = optionsRef.current;
        try {
          const view = await current.send(revision, changed, all);
          current.onView(view);
          return { revision: view.conversation.revision, values: current.extract(view) };
        } catch (error) {
          if (error instanceof ApiError && error.code === 'stale_revision' && error.problem.current) {
            const fresh = error.problem.current;
            current.onView(fresh);
            throw new StaleRevisionError({
              revision: fresh.conversation.revision,
              values: current.extract(fresh),
            });
          }
          if (isTransient(error)) {
            throw new TransientSaveError(
              error instanceof NetworkError || (typeof navigator !== 'undefined' && !navigator.onLine),
            );
          }
          throw error;
        }
      },
    });
  }
  const controller = controllerRef.current;

  useEffect(() => {
    const handleOnline = () => controller.retryNow();
    window.addEventListener('online', handleOnline);
    return () => window.removeEventListener('online', handleOnline);
  }, [controller]);

  useEffect(() => {
    controller.activate();
    return () => controller.dispose();
  }, [controller]);

  // A newer view saved elsewhere (live updates) merges into the form, never over what is being typed.
  const viewRevision = options.view.conversation.revision;
  useEffect(() => {
    const { view, extract } = optionsRef.current;
    controller.receive({ revision: viewRevision, values: extract(view) });
  }, [controller, viewRevision]);

  const edit = useCallback((field: string, value: unknown) => controller.edit(field, value), [controller]);
  const resolve = useCallback(
    (choices: Record<string, 'mine' | 'theirs'>) => controller.resolve(choices),
    [controller],
  );
  const flushNow = useCallback(() => controller.flushNow(), [controller]);
  const adopt = useCallback(
    (view: ConversationView) =>
      controller.adopt({ revision: view.conversation.revision, values: optionsRef.current.extract(view) }),
    [controller],
  );

  return {
    values: controller.values,
    status: controller.status,
    revision: controller.currentRevision,
    restored: controller.restored,
    edit,
    resolve,
    flushNow,
    adopt,
  };
}
