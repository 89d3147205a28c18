import { describe, expect, it } from '@jest/globals';
import { approvalCard, commentInputId, type ApprovalCardInput } from '../../src/cards/approval-card.js';
import { sampleConversations, sampleLinks, sampleNames } from '../../src/cards/samples.js';

type Json = Record<string, unknown>;

/** Every action in a card, including those inside show-cards. */
function allActions(card: unknown): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const value = node as Json;
    if (typeof value.type === 'string' && value.type.startsWith('Action.')) found.push(value);
    for (const [key, child] of Object.entries(value)) if (key !== 'refresh') walk(child);
  };
  walk(card);
  return found;
}

const decideActions = (card: unknown) =>
  allActions(card).filter((a) => a.type === 'Action.Execute' && a.verb === 'decide');
const visibleText = (card: unknown) => JSON.stringify(card);

const c = sampleConversations();
const base = (overrides: Partial<ApprovalCardInput>): ApprovalCardInput => ({
  conversation: c.approval,
  version: 1,
  names: sampleNames,
  links: sampleLinks,
  locale: 'nl',
  refreshUserIds: ['fatima', 'jeroen'],
  ...overrides,
});

describe('approval card', () => {
  it('offers the employee akkoord, voor gezien and niet akkoord; the last two need a comment', () => {
    const { card } = approvalCard(base({ viewer: { id: 'fatima', party: 'employee' } }));
    const decisions = decideActions(card);
    expect(decisions.map((a) => (a.data as Json).decision)).toEqual([
      'akkoord',
      'voor_gezien',
      'niet_akkoord',
    ]);
    for (const action of decisions)
      expect(action.data).toMatchObject({ conversationId: c.approval.id, version: 1 });
    const showCards = allActions(card).filter((a) => a.type === 'Action.ShowCard');
    expect(showCards).toHaveLength(2);
    for (const [show, decision] of [
      [showCards[0], 'voor_gezien'],
      [showCards[1], 'niet_akkoord'],
    ] as const) {
      const input = ((show!.card as Json).body as Json[])[0]!;
      expect(input).toMatchObject({ type: 'Input.Text', id: commentInputId(decision), isRequired: true });
      expect(String(input.errorMessage)).not.toBe('');
      expect(String(input.label)).not.toBe('');
    }
  });

  it('offers the manager akkoord and niet akkoord only', () => {
    const { card } = approvalCard(base({ viewer: { id: 'jeroen', party: 'manager' } }));
    expect(decideActions(card).map((a) => (a.data as Json).decision)).toEqual(['akkoord', 'niet_akkoord']);
  });

  it('refreshes through Action.Execute "refresh" for both parties', () => {
    const { card } = approvalCard(base({ viewer: { id: 'fatima', party: 'employee' } }));
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'refresh',
        data: { conversationId: c.approval.id, version: 1 },
      },
      userIds: ['fatima', 'jeroen'],
    });
  });

  it('shows no buttons to someone who already decided, and who decided what and when', () => {
    const { card } = approvalCard(
      base({ conversation: c.employeeDecided, viewer: { id: 'fatima', party: 'employee' } }),
    );
    expect(decideActions(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Akkoord op 10 dec 2026');
    expect(text).toContain('Nog niet beslist');
    expect(text).toContain('We wachten nog op Jeroen de Vries');
    // The other party still has their buttons on the same state.
    const manager = approvalCard(
      base({ conversation: c.employeeDecided, viewer: { id: 'jeroen', party: 'manager' } }),
    );
    expect(decideActions(manager.card)).toHaveLength(2);
  });

  it('explains a stale version and offers no decision on it', () => {
    const { card } = approvalCard(
      base({ conversation: c.stale, viewer: { id: 'jeroen', party: 'manager' } }),
    );
    expect(decideActions(card)).toEqual([]);
    expect(visibleText(card)).toContain('Er is een nieuwere versie (versie 2)');
    const english = approvalCard(
      base({ conversation: c.stale, viewer: { id: 'jeroen', party: 'manager' }, locale: 'en' }),
    );
    expect(visibleText(english.card)).toContain('There is a newer version (version 2)');
    // The current version is decidable.
    const current = approvalCard(
      base({ conversation: c.stale, version: 2, viewer: { id: 'jeroen', party: 'manager' } }),
    );
    expect(decideActions(current.card)).toHaveLength(2);
  });

  it('shows the final and archived states without buttons', () => {
    for (const conversation of [c.approved, c.archived]) {
      for (const party of ['employee', 'manager'] as const) {
        const { card } = approvalCard(
          base({ conversation, viewer: { id: party === 'employee' ? 'fatima' : 'jeroen', party } }),
        );
        expect(decideActions(card)).toEqual([]);
      }
    }
    const archived = approvalCard(
      base({ conversation: c.archived, viewer: { id: 'fatima', party: 'employee' } }),
    );
    expect(allActions(archived.card).map((a) => a.url)).toContain(c.archived.archive?.url);
  });

  it('shows a delegate decision on behalf of the manager, with the employee remark', () => {
    const { card } = approvalCard(
      base({ conversation: c.seenByDelegate, viewer: { id: 'fatima', party: 'employee' } }),
    );
    const text = visibleText(card);
    expect(text).toContain('Voor gezien op');
    expect(text).toContain('door Sanne Bakker, namens de leidinggevende');
    expect(text).toContain('Gezien; ik had het avondwerk anders verwoord');
  });

  it('shows the state only, never buttons, without a viewer', () => {
    expect(decideActions(approvalCard(base({})).card)).toEqual([]);
  });

  it('puts a notice on top', () => {
    const { card } = approvalCard(
      base({
        viewer: { id: 'fatima', party: 'employee' },
        notice: { tone: 'warning', text: { nl: 'Let op', en: 'Careful' } },
      }),
    );
    expect(card.body[0]?.type).toBe('Container');
    expect(visibleText(card.body[0])).toContain('Let op');
  });

  it('refuses a version that does not exist', () => {
    expect(() => approvalCard(base({ version: 7 }))).toThrow('no version 7');
  });
});
