/** Name resolution, one function for cards and the final document: whom it names, what unknown ids show. */
import { describe, expect, it } from '@jest/globals';
import type { AppContext } from '../../src/app/context.js';
import { finalDocumentInput } from '../../src/app/views/final-document-input.js';
import { namesFor } from '../../src/app/views/people.js';
import { anOfferedConversation } from '../support/factories.js';

const known: Record<string, string> = { fatima: 'Fatima El Amrani', jeroen: 'Jeroen Bakker' };

/** Just enough context for the views: a directory that knows Fatima and Jeroen, and an audit trail. */
const ctx = {
  directory: { getUser: async (id: string) => (known[id] ? { id, displayName: known[id] } : undefined) },
  store: {
    auditOf: async () => [
      { at: '2026-11-23T10:00:00.000Z', actorId: 'system', action: 'conversation.archived', details: {} },
      { at: '2026-11-23T10:00:00.000Z', actorId: 'gone', action: 'conversation.read', details: {} },
    ],
  },
  organisationName: 'Gemeente Zuiderhaven',
  now: () => new Date('2026-11-24T10:00:00.000Z'),
} as unknown as AppContext;

describe('namesFor', () => {
  it('names both people and whoever else is asked for; a card shows an unknown id as itself', async () => {
    const names = await namesFor(ctx, anOfferedConversation('vitaliteit'), ['sanne']);
    expect(names).toEqual({ fatima: 'Fatima El Amrani', jeroen: 'Jeroen Bakker', sanne: 'sanne' });
  });

  it('leaves an unknown id out when asked to, as the final document needs', async () => {
    const names = await namesFor(ctx, anOfferedConversation('reflectie'), ['sanne'], 'left-out');
    expect(names).toEqual({ fatima: 'Fatima El Amrani', jeroen: 'Jeroen Bakker' });
  });

  it('gives the final document the audit trail’s people by name, the system as Systeem, and never an id', async () => {
    const input = await finalDocumentInput(ctx, anOfferedConversation('vitaliteit'), 1);
    expect(input.names).toEqual({ fatima: 'Fatima El Amrani', jeroen: 'Jeroen Bakker', system: 'Systeem' });
    expect(input.audit.map((a) => a.actorId)).toEqual(['system']);
  });
});
