/** The bot's 'mijn gesprekken', welcome and help cards and the links they carry. */
import { describe, expect, it } from '@jest/globals';
import { helpCard, welcomeCard } from '../../src/cards/help-card.js';
import { linksFor, type LinkConfig } from '../../src/cards/links.js';
import { statusCard, type StatusItem } from '../../src/cards/status-card.js';

const links = linksFor(
  { authMode: 'local', publicUrl: 'http://localhost:3978', teamsAppId: 'app-1' } satisfies LinkConfig,
  'jeroen',
);

function actionsOf(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const item = (over: Partial<StatusItem>): StatusItem => ({
  id: 'c-1',
  type: 'reflectie',
  stage: 'planned',
  party: 'manager',
  employeeName: 'Fatima El Amrani',
  employeeId: 'fatima',
  nextStep: 'hold-meeting',
  ...over,
});

describe('mijn gesprekken', () => {
  it('offers a reaction to the report right in the chat', () => {
    const { card } = statusCard({
      items: [item({ stage: 'awaiting_approval', nextStep: 'decide', currentVersion: 2 })],
      isManager: true,
      links,
      locale: 'nl',
    });
    expect(actionsOf(card)).toContainEqual(
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'refresh',
        title: 'Hier reageren',
        data: { conversationId: 'c-1', version: 2 },
      }),
    );
  });

  it('opens the page of any other next step, as the recipient', () => {
    const { card } = statusCard({
      items: [
        item({ id: 'c-2', stage: 'requested', type: 'vitaliteit', nextStep: 'plan' }),
        item({ id: 'c-3', stage: 'held', nextStep: 'write-report' }),
        item({ id: 'c-4', stage: 'archived', nextStep: 'none' }),
      ],
      isManager: true,
      links,
      locale: 'nl',
    });
    const urls = actionsOf(card).map((a) => `${String(a.title)} ${String(a.url)}`);
    const base = 'http://localhost:3978/tabs/home/?user=jeroen#';
    expect(urls).toContain(`Gesprek plannen ${base}/plannen?employee=fatima&request=c-2`);
    expect(urls).toContain(`Verslag schrijven ${base}/gesprek/c-3/verslag`);
    expect(urls).toContain(`Gesprek openen ${base}/archief/c-4`);
  });
});

describe('welcome and help', () => {
  it('are not near-copies: welcome says what the app does and one first step, help lists the commands', () => {
    const welcome = JSON.stringify(welcomeCard({ links, locale: 'nl' }).card);
    const help = JSON.stringify(helpCard({ links, locale: 'nl' }).card);
    expect(welcome).toContain('Begin hier');
    expect(welcome).not.toContain('mijn gesprekken');
    expect(help).toContain('mijn gesprekken');
    expect(help).not.toContain('Begin hier');
    expect(actionsOf(welcomeCard({ links, locale: 'nl' }).card)).toHaveLength(1);
  });
});
