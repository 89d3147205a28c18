/** Domain objects for unit tests of rules; HTTP and bot suites build conversations with tests/fixtures/build-conversation.ts. */
import {
  createConversation,
  currentFormat,
  type Conversation,
  type ConversationType,
  type Stage,
} from '../../src/domain/index.js';

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

/** Answer sets live with the conversation factory in tests/fixtures; re-exported for the unit suites. */
export { reflectionReport, vitalityPreparation, vitalityReport } from '../fixtures/build-conversation.js';
