/** Domain objects for unit tests of rules; HTTP and bot suites build conversations with tests/fixtures/build-conversation.ts. */
import {
  createConversation,
  currentFormat,
  transition,
  type Actor,
  type Conversation,
  type ConversationType,
  type Stage,
} from '../../src/domain/index.js';
import { reflectionReport, vitalityPreparation, vitalityReport } from '../fixtures/build-conversation.js';

let counter = 0;

/** A conversation in any stage, built through the real transitions' shape (for unit tests of rules). */
export function aConversation(
  overrides: Partial<Conversation> & { type?: ConversationType; stage?: Stage } = {},
): Conversation {
  counter += 1;
  const type = overrides.type ?? 'vitaliteit';
  const { conversation } = createConversation({
    id: overrides.id ?? `c-${counter}`,
    type,
    formatVersion: currentFormat(type).version,
    employeeId: 'fatima',
    managerId: 'jeroen',
    requestedBy: 'manager',
    schedule: { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
    now: '2026-11-20T08:00:00.000Z',
  });
  return { ...conversation, ...overrides };
}

/**
 * Version 1 offered for signing by its author through the domain's transitions: her vitality report (she signs
 * by offering it), or the manager's final format of a Reflectiegesprek.
 */
export function anOfferedConversation(type: 'vitaliteit' | 'reflectie' = 'vitaliteit'): Conversation {
  const now = '2026-11-23T10:00:00.000Z';
  const author: Actor =
    type === 'vitaliteit' ? { id: 'fatima', party: 'employee' } : { id: 'jeroen', party: 'manager' };
  const report =
    type === 'vitaliteit' ? vitalityReport : { ...reflectionReport, 'resultaat.facilitering': 'Cursus' };
  let c = aConversation({
    type,
    stage: 'held',
    ...(type === 'vitaliteit' ? { preparation: vitalityPreparation } : {}),
  });
  c = transition(c, { type: 'save-report', answers: report }, author, now).conversation;
  return transition(c, { type: 'submit-report', hash: 'h1' }, author, now).conversation;
}

/** Answer sets live with the conversation factory in tests/fixtures; re-exported for the unit suites. */
export { reflectionReport, vitalityPreparation, vitalityReport };
