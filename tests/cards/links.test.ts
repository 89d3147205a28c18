/** Links in cards: tab routes, Teams deep links and meeting links, in local and Teams mode. */
import { describe, expect, it } from '@jest/globals';
import {
  linksFor,
  localMeetingPage,
  meetingLink,
  tabDeepLink,
  tabRoute,
  type LinkConfig,
} from '../../src/cards/links.js';

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
    ['plannen', { employeeId: 'fatima', conversationId: 'c-9' }, '/plannen?employee=fatima&request=c-9'],
    ['team', {}, '/team'],
    ['archief', { conversationId: 'c-2' }, '/archief/c-2'],
    ['rondes', { roundId: 'r-1' }, '/rondes/r-1'],
    ['rondes', {}, '/rondes'],
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

  it('names its recipient in local mode, so the demo tab opens as them', () => {
    expect(tabDeepLink(linksFor(local, 'fatima'), 'akkoord', { conversationId: 'c-1' })).toBe(
      'http://localhost:3978/tabs/home/?user=fatima#/gesprek/c-1/akkoord',
    );
  });

  it('leaves the recipient out in Teams: the tab opens as the signed-in user', () => {
    const link = new URL(tabDeepLink(linksFor(teams, 'fatima'), 'gesprek', { conversationId: 'c-1' }));
    expect(link.href).not.toContain('fatima');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: '/gesprek/c-1' });
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

describe('meeting links', () => {
  it("names the recipient on a local join link, and leads to the tab's local meeting page", () => {
    expect(meetingLink(linksFor(local, 'jeroen'), 'http://localhost:3978/meeting/e-1')).toBe(
      'http://localhost:3978/meeting/e-1?user=jeroen',
    );
    expect(localMeetingPage('e-1', 'jeroen')).toBe('/tabs/home/?user=jeroen#/vergadering/e-1');
  });

  it('never changes a Teams join link', () => {
    const join = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    expect(meetingLink(linksFor(teams, 'jeroen'), join)).toBe(join);
    expect(meetingLink(linksFor(local, 'jeroen'), join)).toBe(join);
  });
});
