/** Reading the bot's messages back from a person's chat through Graph, newest first, across pages. */
import { describe, expect, it } from '@jest/globals';
import { GraphChatHistory } from '../../src/graph/chat-history.js';
import { TeamsAppInstaller } from '../../src/graph/app-installer.js';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addUser({ id: 'fatima', displayName: 'Fatima' });
});
const chatId = '19:fatima_catalog-app-1@unq.gbl.spaces';

function history() {
  const client = testClient();
  return new GraphChatHistory({
    client,
    chats: new TeamsAppInstaller({ client, teamsAppId: 'catalog-app-1' }),
  });
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('GraphChatHistory', () => {
  it("lists the bot's own cards since a moment, newest first, following the pages", async () => {
    const h = history();
    // The chat exists once the app is installed for her.
    await h.postedSince('fatima', at(0));
    fake.addBotMessage(chatId, 'bot-app-id', [{ type: 'AdaptiveCard', body: [{ text: 'old' }] }], at(30));
    const a = fake.addBotMessage(
      chatId,
      'bot-app-id',
      [{ type: 'AdaptiveCard', body: [{ text: 'a' }] }],
      at(4),
    );
    // What the person writes is not the bot's.
    fake.addUserMessage(chatId, 'fatima', 'Dank je', at(3));
    const b = fake.addBotMessage(
      chatId,
      'bot-app-id',
      [{ type: 'AdaptiveCard', body: [{ text: 'b' }] }],
      at(2),
    );
    const c = fake.addBotMessage(
      chatId,
      'bot-app-id',
      [{ type: 'AdaptiveCard', body: [{ text: 'c' }] }],
      at(1),
    );
    const reads = () => fake.count('GET', /\/chats\/[^/]+\/messages$/);
    const before = reads();
    const found = await h.postedSince('fatima', at(10));
    expect(found.map((m) => m.id)).toEqual([c, b, a]);
    expect(found[0]!.cards).toEqual([{ type: 'AdaptiveCard', body: [{ text: 'c' }] }]);
    // The fake pages by two: the walk followed the links and stopped at the first message before the moment.
    expect(reads() - before).toBe(3);
  });

  it('asks for the chat id once per person', async () => {
    const h = history();
    await h.postedSince('fatima', at(5));
    await h.postedSince('fatima', at(5));
    expect(fake.count('GET', /\/installedApps\/[^/]+\/chat$/)).toBe(1);
  });

  it('gives nothing when the chat holds no message of the bot since then', async () => {
    const h = history();
    await h.postedSince('fatima', at(0));
    fake.addBotMessage(chatId, 'bot-app-id', [{ type: 'AdaptiveCard' }], at(20));
    expect(await h.postedSince('fatima', at(10))).toEqual([]);
  });
});
