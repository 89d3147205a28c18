/** One form of a conversation (preparation, notes, report): its autosave, problems and closing step. */
import { useMemo, useState } from 'react';
import type { ConversationView } from '../api/types.js';
import { useApp } from '../app-context.js';
import { isSendable } from '../components/answer-fields.js';
import { isOverLimit } from '../components/field-limits.js';
import { useAutosave, type Autosave } from '../autosave/use-autosave.js';
import type { Answers } from '../../domain/answers.js';
import { fieldsOf, type FieldDef, type SectionDef } from '../../domain/formats.js';
import { missingRequired, outcomeGaps } from '../../domain/required.js';

export type FormKind = 'preparation' | 'completion' | 'report';

const commands = {
  preparation: 'save-preparation',
  completion: 'save-completion',
  report: 'save-report',
} as const;

/** The step that closes a form: submitting the preparation or the report, or completing the meeting. */
export type FinishCommand =
  { type: 'submit-preparation' } | { type: 'submit-report' } | { type: 'complete-meeting' };

/** Why a field stops the form from being submitted: still to answer, or longer than the server accepts. */
export interface FieldProblem {
  field: FieldDef;
  reason: 'missing' | 'course' | 'notApplicable' | 'tooLong';
}

export interface ConversationForm {
  autosave: Autosave;
  fieldFor(id: string): FieldDef | undefined;
  /**
   * What stops the closing step, as the server would say it (the domain's `missingRequired`), plus the fields
   * too long to save; shown once the person tried (`check`), and kept up to date as she fills them in.
   */
  problems: FieldProblem[] | undefined;
  /** Checks before asking to confirm: true when nothing is missing; otherwise lists and marks what is. */
  check(): boolean;
  /** Saves what is still unsent, then runs the closing step on the newest revision; true when it ran. */
  finish(command: FinishCommand): Promise<boolean>;
  busy: boolean;
  /** The last refusal of `finish`, for a ProblemBar. */
  error: unknown;
}

/** The fields that stop a form from being submitted, in the format's order. */
export function formProblems(
  kind: FormKind,
  sections: readonly SectionDef[],
  values: Record<string, unknown>,
): FieldProblem[] {
  const fields = fieldsOf(sections);
  const tooLong = new Set(fields.filter((f) => isOverLimit(f, values[f.id])).map((f) => f.id));
  // The manager's notes during the meeting are never required; his course per goal is his own choice.
  const missing = kind === 'completion' ? [] : missingRequired(sections, values as Answers).map((f) => f.id);
  // The outcome of a Reflectiegesprek, item by item: filled, or explicitly "niet van toepassing".
  const outcome = outcomeGaps(sections, values as Answers).map((f) => f.id);
  return fields.flatMap((field): FieldProblem[] => {
    if (tooLong.has(field.id)) return [{ field, reason: 'tooLong' }];
    if (outcome.includes(field.id)) return [{ field, reason: 'notApplicable' }];
    if (missing.includes(field.id))
      return [{ field, reason: field.kind === 'goal-review' ? 'course' : 'missing' }];
    return [];
  });
}

/** Moves focus to a field of the form (its first control) and brings it into view. */
export function focusField(fieldId: string): void {
  const wrap = document.getElementById(`field-wrap-${fieldId}`);
  const control = wrap?.querySelector<HTMLElement>(
    'textarea:not([disabled]), input:not([disabled]), select:not([disabled]), button:not([disabled])',
  );
  (control ?? wrap)?.focus();
  (control ?? wrap)?.scrollIntoView({ block: 'center' });
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
    tooLong: (field, value) => isOverLimit(fields.get(field), value),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [tried, setTried] = useState(false);
  const current = tried ? formProblems(kind, sections, autosave.values) : undefined;
  const check = (): boolean => {
    setTried(true);
    setError(undefined);
    const found = formProblems(kind, sections, autosave.values);
    if (found[0]) {
      const first = found[0].field.id;
      // After React has drawn the marks: focus lands on the first field that needs her.
      setTimeout(() => focusField(first), 0);
      return false;
    }
    return true;
  };
  const finish = async (command: FinishCommand): Promise<boolean> => {
    if (!check()) return false;
    setBusy(true);
    setError(undefined);
    try {
      // Nothing typed may be lost: the closing step only runs once every edit is stored.
      if (!(await autosave.flushNow())) return false;
      const next = await api.action(id, autosave.revision, command);
      autosave.adopt(next);
      onView(next);
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    autosave,
    fieldFor: (fieldId) => fields.get(fieldId),
    problems: current,
    check,
    finish,
    busy,
    error,
  };
}
