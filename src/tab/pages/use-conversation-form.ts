import { useMemo, useState } from 'react';
import type { ConversationView } from '../api/types.js';
import { useApp } from '../app-context.js';
import { isSendable } from '../components/answer-fields.js';
import { useAutosave, type Autosave } from '../autosave/use-autosave.js';
import { fieldsOf, type FieldDef, type SectionDef } from '../../domain/formats.js';

export type FormKind = 'preparation' | 'completion' | 'report';

const commands = {
  preparation: 'save-preparation',
  completion: 'save-completion',
  report: 'save-report',
} as const;

/** The step that closes a form: submitting the preparation or the report, or completing the meeting. */
export type FinishCommand =
  { type: 'submit-preparation' } | { type: 'submit-report' } | { type: 'complete-meeting' };

export interface ConversationForm {
  autosave: Autosave;
  fieldFor(id: string): FieldDef | undefined;
  /** Saves what is still unsent, then runs the closing step on the newest revision. */
  finish(command: FinishCommand): Promise<void>;
  busy: boolean;
  /** The last refusal of `finish`, for a ProblemBar. */
  error: unknown;
}

/** Autosave for one answers form of a conversation (preparation, the manager's completion, or the report). */
export function useConversationForm(
  view: ConversationView,
  onView: (view: ConversationView) => void,
  kind: FormKind,
  sections: readonly SectionDef[],
): ConversationForm {
  const { api, me } = useApp();
  const fields = useMemo(() => new Map(fieldsOf(sections).map((f) => [f.id, f])), [sections]);
  const id = view.conversation.id;
  const autosave = useAutosave({
    // Per user too: two demo identities on one browser must not share unsent edits.
    storageKey: `${id}.${kind}.${me.user.id}`,
    view,
    extract: (v) => v.conversation[kind],
    send: (revision, changed) => api.command(id, revision, { type: commands[kind], answers: changed }),
    onView,
    ready: (field, value) => isSendable(fields.get(field), value),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const finish = async (command: FinishCommand) => {
    setBusy(true);
    setError(undefined);
    try {
      // Nothing typed may be lost: the closing step only runs once every edit is stored.
      if (!(await autosave.flushNow())) return;
      const next = await api.action(id, autosave.revision, command);
      autosave.adopt(next);
      onView(next);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };
  return { autosave, fieldFor: (fieldId) => fields.get(fieldId), finish, busy, error };
}
