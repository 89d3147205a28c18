/**
 * The bot's messages in a person's 1:1 chat, read back through Graph (`GET /chats/{id}/messages`, newest first),
 * so a post whose answer was lost is found instead of sent twice. Application permission: `Chat.Read.All`
 * (docs/graph-permissions.md); the chat id comes from the app's installation for the person.
 */
import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import type { ChatHistory, PostedMessage } from '../ports/index.js';

interface GraphChatMessage {
  id: string;
  createdDateTime: string;
  messageType?: string;
  from?: { application?: { id?: string } | null } | null;
  attachments?: Array<{ contentType?: string; content?: string | null }>;
}

export interface GraphChatHistoryOptions {
  client: Client;
  /** Finds the 1:1 chat between a person and the bot (`TeamsAppInstaller.chatId`). */
  chats: { chatId(userId: string): Promise<string> };
}

/** Graph's largest page of chat messages. */
const pageSize = 50;

export class GraphChatHistory implements ChatHistory {
  /** A person's chat with the bot keeps its id for good. */
  private readonly chatIds = new Map<string, string>();

  constructor(private readonly options: GraphChatHistoryOptions) {}

  async postedSince(userId: string, since: string): Promise<PostedMessage[]> {
    const { client } = this.options;
    const chatId = await this.chatOf(userId);
    const from = Date.parse(since);
    const first = (await client
      .api(`/chats/${encodeURIComponent(chatId)}/messages`)
      .top(pageSize)
      .orderby('createdDateTime desc')
      .get()) as PageCollection;
    const found: PostedMessage[] = [];
    // Newest first: the first message older than `since` ends the walk.
    const iterator = new PageIterator(client, first, (message: GraphChatMessage) => {
      if (Date.parse(message.createdDateTime) < from) return false;
      // In a person's 1:1 chat with the app, the only application that posts is the bot.
      if (message.messageType === 'message' && message.from?.application)
        found.push({ id: message.id, createdAt: message.createdDateTime, cards: cardsOf(message) });
      return true;
    });
    await iterator.iterate();
    return found;
  }

  private async chatOf(userId: string): Promise<string> {
    let chatId = this.chatIds.get(userId);
    if (!chatId) {
      chatId = await this.options.chats.chatId(userId);
      this.chatIds.set(userId, chatId);
    }
    return chatId;
  }
}

/** The Adaptive Cards of a message; Graph gives each card's JSON as a string. */
function cardsOf(message: GraphChatMessage): unknown[] {
  const cards: unknown[] = [];
  for (const attachment of message.attachments ?? []) {
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || !attachment.content) continue;
    try {
      cards.push(JSON.parse(attachment.content));
    } catch {
      // Not JSON: not a card this app could have sent.
    }
  }
  return cards;
}
