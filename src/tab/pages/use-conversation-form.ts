import { useMemo } from 'react';
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

/** Autosave for one answers form of a conversation (preparation, the manager's completion, or the report). */
export function useConversationForm(
  view: ConversationView,
  onView: (view: ConversationView) => void,
  kind: FormKind,
  sections: readonly SectionDef[],
): { autosave: Autosave; fieldFor(id: string): FieldDef | undefined } {
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
  return { autosave, fieldFor: (fieldId) => fields.get(fieldId) };
}
