import { describe, expect, it } from '@jest/globals';
import { tabDeepLink, tabRoute, type LinkConfig } from '../../src/cards/links.js';

const local: LinkConfig = { authMode: 'local', publicUrl: 'http://localhost:3978/', teamsAppId: 'app-1' };
const teams: LinkConfig = {
  authMode: 'entra',
  publicUrl: 'https://gesprek.example.nl',
  teamsAppId: '2f6e0c1a-aaaa-bbbb-cccc-123456789abc',
};

describe('tab routes', () => {
  it.each([
    ['gesprek', { conversationId: 'c-1' }, '/gesprek/c-1'],
    ['voorbereiden', { conversationId: 'c-1' }, '/gesprek/c-1/voorbereiden'],
    ['verslag', { conversationId: 'c-1' }, '/gesprek/c-1/verslag'],
    ['akkoord', { conversationId: 'c 1/x' }, '/gesprek/c%201%2Fx/akkoord'],
    ['plannen', { employeeId: 'fatima' }, '/plannen?employee=fatima'],
    ['plannen', { employeeId: 'fatima', conversationId: 'c-9' }, '/plannen?employee=fatima&gesprek=c-9'],
    ['team', {}, '/team'],
    ['home', {}, '/'],
  ] as const)('%s %j → %s', (page, params, route) => {
    expect(tabRoute(page, params)).toBe(route);
  });

  it('needs a conversation id for conversation pages', () => {
    expect(() => tabRoute('akkoord')).toThrow('conversationId');
  });
});

describe('tabDeepLink', () => {
  it('is a plain URL into the tab in local mode', () => {
    expect(tabDeepLink(local, 'voorbereiden', { conversationId: 'c-1' })).toBe(
      'http://localhost:3978/tabs/home/#/gesprek/c-1/voorbereiden',
    );
  });

  it('is a Teams entity link with the route as sub-entity in Teams', () => {
    const link = new URL(tabDeepLink(teams, 'akkoord', { conversationId: 'c-1' }));
    expect(link.origin).toBe('https://teams.microsoft.com');
    expect(link.pathname).toBe('/l/entity/2f6e0c1a-aaaa-bbbb-cccc-123456789abc/gesprekken');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({
      subEntityId: '/gesprek/c-1/akkoord',
    });
    expect(link.searchParams.get('webUrl')).toBe(
      'https://gesprek.example.nl/tabs/home/#/gesprek/c-1/akkoord',
    );
  });
});
