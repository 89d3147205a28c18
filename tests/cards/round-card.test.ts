/** @jest-environment jsdom */
/**
 * The round card: the invitation, the reminder and the cancelled version link to the manager's own list in the
 * round (local mode names him, Teams opens the tab on that route), and the cancelled one names nobody.
 */
import { describe, expect, it } from '@jest/globals';
import { linksFor, type LinkConfig } from '../../src/cards/links.js';
import { roundCard } from '../../src/cards/round-card.js';
import { matchPath, startRoute } from '../../src/tab/routing/paths.js';
import { roundInput } from '../fixtures/cards.js';
import { parseAndRender } from './render.js';

const teams: LinkConfig = {
  authMode: 'entra',
  publicUrl: 'https://gesprek.example.nl',
  teamsAppId: '2f6e0c1a-aaaa-bbbb-cccc-123456789abc',
};
const kinds = ['invite', 'reminder', 'cancelled'] as const;

function actionOf(card: unknown): { type: string; url?: string; title?: string } {
  const actions = (card as { actions?: Array<{ type: string; url?: string; title?: string }> }).actions ?? [];
  expect(actions).toHaveLength(1);
  expect(actions[0]?.type).toBe('Action.OpenUrl');
  return actions[0] ?? { type: '' };
}
const urlOf = (card: unknown) => actionOf(card).url ?? '';

describe('round card', () => {
  it.each(kinds)('%s links to the list of this round, as the manager who got it', (kind) => {
    const { card } = roundCard({ ...roundInput('nl'), kind });
    const link = new URL(urlOf(card));
    expect(link.pathname).toBe('/tabs/home/');
    expect(link.searchParams.get('user')).toBe('jeroen');
    expect(link.hash).toBe('#/rondes/round-1');
  });

  it.each(kinds)('%s opens the tab on the round in Teams, as the signed-in user', (kind) => {
    const { card } = roundCard({ ...roundInput('nl'), kind, links: linksFor(teams, 'jeroen') });
    const link = new URL(urlOf(card));
    expect(link.href).not.toContain('jeroen');
    const { subEntityId } = JSON.parse(link.searchParams.get('context') ?? '{}') as { subEntityId: string };
    expect(subEntityId).toBe('/rondes/round-1');
    // The tab takes that route from the Teams context and finds the page for it.
    const route = startRoute('', subEntityId);
    expect(route).toBe('/rondes/round-1');
    expect(matchPath('/rondes/:id', route ?? '')).toEqual({ id: 'round-1' });
  });

  it('invites by name and lists who is still to plan in the reminder', () => {
    const invite = parseAndRender(roundCard({ ...roundInput('nl'), kind: 'invite' }).card);
    expect(invite.problems).toEqual([]);
    expect(invite.element.textContent).toContain('Gespreksronde: Het Goede Gesprek');
    expect(invite.element.textContent).toContain('Fatima');
    expect(actionOf(roundCard({ ...roundInput('nl'), kind: 'invite' }).card).title).toBe(
      'Gesprekken plannen',
    );
    const reminder = parseAndRender(roundCard({ ...roundInput('nl'), kind: 'reminder' }).card);
    expect(reminder.element.textContent).toContain('Daan de Boer');
    expect(reminder.element.textContent).not.toContain('Fatima');
  });

  it('says the round is cancelled, by whom, that planned conversations go ahead, and names no report', () => {
    for (const locale of ['nl', 'en'] as const) {
      const built = roundCard({
        ...roundInput(locale),
        kind: 'cancelled',
        cancelledByName: 'Marieke Visser',
      });
      const { element, problems } = parseAndRender(built.card);
      expect(problems).toEqual([]);
      const text = element.textContent ?? '';
      expect(text).toContain('Marieke Visser');
      expect(text).toContain(
        locale === 'nl'
          ? 'Gespreksronde geannuleerd: Het Goede Gesprek'
          : 'Round cancelled: Het Goede Gesprek',
      );
      expect(text).toContain(locale === 'nl' ? 'gaan gewoon door' : 'go ahead');
      expect(actionOf(built.card).title).toBe(locale === 'nl' ? 'Gespreksronde bekijken' : 'View round');
      expect(text).not.toMatch(/Fatima|Daan|Baas/);
      expect(built.summary).toMatch(
        locale === 'nl'
          ? /^Gespreksronde Het Goede Gesprek geannuleerd$/
          : /^Round .*Het Goede Gesprek.* cancelled$/,
      );
    }
  });
});
