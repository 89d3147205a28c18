import {
  createConversation,
  currentFormat,
  type Conversation,
  type ConversationType,
  type Stage,
  type Answers,
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

/** Answers that satisfy every required field of the vitality preparation. */
export const vitalityPreparation: Answers = {
  'kwaliteit.betekenis': 'Energie hebben voor werk én thuis.',
  'huis.gezondheid.1': 'happy',
  'huis.werk.1': 'neutral',
  'behoeften.verbeterpunten': 'Minder avondwerk.',
  'werknemerschap.zelf': 'Vaker pauze nemen.',
  'werkgeverschap.steun': 'Een vaste thuiswerkdag.',
};

export const vitalityReport: Answers = {
  'verslag.samenvatting': 'We spraken over energie en werkdruk.',
  'verslag.afspraken': [{ id: 'a1', text: 'Vaste thuiswerkdag op woensdag', owner: 'both' }],
};
