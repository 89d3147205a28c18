/** The sub-pages of one conversation and where each party is sent first. */
import type { NextStep, Stage } from '../../domain/conversation.js';
import type { ConversationType } from '../../domain/formats.js';
import type { ConversationView } from '../api/types.js';
import type { MessageKey } from '../i18n/nl.js';
import { href } from './router.js';

/** The sub-pages of one conversation, by their Dutch route segment. */
export type Section = 'voorbereiden' | 'gesprek' | 'verslag' | 'akkoord' | 'pop' | 'evaluatie';

export const sectionLabels: Record<Section, MessageKey> = {
  voorbereiden: 'conv.tab.prepare',
  gesprek: 'conv.tab.meeting',
  verslag: 'conv.tab.report',
  akkoord: 'conv.tab.approve',
  pop: 'conv.tab.pop',
  evaluatie: 'conv.tab.evaluation',
};

export interface Situation {
  id: string;
  type: ConversationType;
  stage: Stage;
  party: 'employee' | 'manager';
  nextStep: NextStep;
  employeeId: string;
}

const afterMeeting: readonly Stage[] = ['held', 'awaiting_approval', 'approved', 'archived'];
const decided: readonly Stage[] = ['awaiting_approval', 'approved', 'archived'];
const done: readonly Stage[] = ['approved', 'archived'];

/** The situation of a view, for routing decisions. */
export function situationOf(view: ConversationView): Situation {
  const c = view.conversation;
  return {
    id: c.id,
    type: c.type,
    stage: c.stage,
    party: view.party,
    nextStep: view.nextStep,
    employeeId: c.employeeId,
  };
}

/** The sub-pages that mean something for this party in this stage, in cycle order. */
export function sectionsFor(s: Situation): Section[] {
  const list: Section[] = [];
  if (s.stage === 'cancelled' || s.stage === 'requested') return list;
  if (s.party === 'employee') list.push('voorbereiden');
  if (s.party === 'manager') list.push('gesprek');
  if (afterMeeting.includes(s.stage)) list.push('verslag');
  if (decided.includes(s.stage)) list.push('akkoord');
  if (s.party === 'employee' && s.type === 'vitaliteit' && done.includes(s.stage))
    list.push('pop', 'evaluatie');
  return list;
}

/** Where someone should land for this conversation now: the page of their next step. */
export function targetHref(s: Situation): string | undefined {
  switch (s.stage) {
    case 'requested':
      return s.party === 'manager' ? href('/plannen', { employee: s.employeeId, request: s.id }) : undefined;
    case 'planned':
    case 'preparing':
    case 'prepared':
      return href(`/gesprek/${s.id}/${s.party === 'employee' ? 'voorbereiden' : 'gesprek'}`);
    case 'held':
      return href(`/gesprek/${s.id}/verslag`);
    case 'awaiting_approval':
      return href(`/gesprek/${s.id}/akkoord`);
    case 'approved':
    case 'archived':
      if (s.party === 'employee' && s.type === 'vitaliteit') return href(`/gesprek/${s.id}/pop`);
      return s.stage === 'archived' ? href(`/archief/${s.id}`) : href(`/gesprek/${s.id}/verslag`);
    case 'cancelled':
      return undefined;
  }
}

/** The sentence for "what is expected of me next". */
export function nextStepKey(party: 'employee' | 'manager', step: NextStep): MessageKey {
  return `next.${party}.${step}`;
}
