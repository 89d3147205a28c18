/**
 * Proactive messages in Teams: each person's 1:1 chat with the bot (created when only their id is known),
 * paced below Teams' limits, retried on throttling, and idempotent per message key through the store.
 */
import { createHash } from 'node:crypto';
import type { App } from '@microsoft/teams.apps';
import type { ChatHistory, ChatMessage, Messenger, PostedMessage, SentMessage } from '../ports/index.js';
import type { ChatReference, Store } from '../store/store.js';
import { promptly } from '../store/priority.js';
import { sharedPace, type SharedPace } from '../store/send-rate.js';
import type { SqlExecutor } from '../store/store.js';
import {
  appRatePerSecond,
  conversationWindows,
  globalWindows,
  httpFailure,
  realClock,
  SendLimiter,
  withRetry,
  type RetryOptions,
} from './pacing.js';

/** The few Bot Connector calls the messenger makes; the SDK implements them, tests may fake them. */
export interface Connector {
  createActivity(serviceUrl: string, conversationId: string, activity: CardActivity): Promise<{ id: string }>;
  updateActivity(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: CardActivity,
  ): Promise<void>;
  /** Opens (or finds) the 1:1 chat between the bot and a user, by Entra object id. */
  createPersonalChat(serviceUrl: string, userId: string, tenantId?: string): Promise<{ id: string }>;
}

/** A message activity carrying one Adaptive Card. */
export interface CardActivity {
  type: 'message';
  summary?: string;
  attachments: Array<{
    contentType: 'application/vnd.microsoft.card.adaptive';
    content: Record<string, unknown>;
  }>;
}

/** Wraps a card in a message activity. */
export function cardActivity(card: Record<string, unknown>, summary?: string): CardActivity {
  return {
    type: 'message',
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

/** The connector on the Teams SDK's API client, scoped to each chat's service URL. */
export function sdkConnector(app: App): Connector {
  // One client per service URL, kept: a fresh clone per call would open a new connection for every message.
  const clients = new Map<string, ReturnType<App['api']['clone']>>();
  const at = (serviceUrl: string) => {
    let client = clients.get(serviceUrl);
    if (!client) {
      client = app.api.clone({ serviceUrl });
      clients.set(serviceUrl, client);
    }
    return client;
  };
  return {
    async createActivity(serviceUrl, conversationId, activity) {
      const result = await at(serviceUrl).conversations.activities(conversationId).create(activity);
      return { id: result.id };
    },
    async updateActivity(serviceUrl, conversationId, activityId, activity) {
      await at(serviceUrl).conversations.activities(conversationId).update(activityId, activity);
    },
    async createPersonalChat(serviceUrl, userId, tenantId) {
      const created = await at(serviceUrl).conversations.create({
        isGroup: false,
        ...(app.id ? { bot: { id: app.id, role: 'bot' as const } } : {}),
        members: [{ id: userId, aadObjectId: userId, role: 'user' }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      });
      return { id: created.id };
    },
  };
}

/** Teams' per-app-per-tenant pace in the database, shared by every instance (`send_rate`, one row per tenant). */
export function teamsPace(
  executor: SqlExecutor,
  tenantId?: string,
  perSecond: number = appRatePerSecond,
): SharedPace {
  return sharedPace(executor, `teams:${tenantId ?? 'default'}`, perSecond);
}

export interface TeamsMessengerOptions {
  connector: Connector;
  store: Pick<
    Store,
    | 'chatReference'
    | 'saveChatReference'
    | 'messageState'
    | 'recordSendAttempt'
    | 'sentActivities'
    | 'recordSentMessage'
  >;
  /** Where to create chats for people who never talked to the bot (e.g. https://smba.trafficmanager.net/emea/). */
  serviceUrl: string;
  tenantId?: string;
  limiter?: SendLimiter;
  /**
   * The per-app pace shared by every instance on the same database (`teamsPace`); without it (and without a
   * `limiter`) this process paces alone, which is right only when it is the only one sending.
   */
  sharedPace?: SharedPace;
  retry?: Partial<RetryOptions>;
  /**
   * Installs the app for someone who does not have it yet (Graph, `TeamsAppInstallation.ReadWriteForUser.All`):
   * Teams only lets a bot open a chat with people who have it installed.
   */
  installer?: { ensureInstalled(userId: string): Promise<unknown> };
  /**
   * Reads a person's chat back (Graph) before a message whose earlier attempt may have landed is posted again:
   * after a crash between Teams taking a post and its answer being recorded, and after an answer lost to a
   * broken connection or a gateway error. Without it such a post is sent again, and may arrive twice.
   */
  history?: ChatHistory;
}

/** How far before the first attempt a read-back looks: clocks of this server and Microsoft 365 differ a little. */
const readBackSkewMs = 2 * 60_000;

/** A card's fingerprint: SHA-256 of its JSON with keys in order, as posted and as Microsoft 365 lists it. */
export function cardDigest(card: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(card)))
    .digest('hex');
}

export class TeamsMessenger implements Messenger {
  private readonly limiter: SendLimiter;

  constructor(private readonly options: TeamsMessengerOptions) {
    this.limiter =
      options.limiter ?? new SendLimiter(realClock, conversationWindows, globalWindows, options.sharedPace);
  }

  async send(message: ChatMessage): Promise<SentMessage> {
    const { store, connector, history } = this.options;
    const key = message.idempotencyKey;
    const state = await store.messageState(key);
    if (state && 'activityId' in state) return { activityId: state.activityId };
    // An earlier attempt whose answer never came back: Teams may have taken it. Look before posting again.
    const landed = state && history ? await this.findLanded(message, state.attempt) : undefined;
    if (landed) return { activityId: landed };
    const { chat, fresh } = await this.chatOf(message.recipientId);
    // Recorded only where it can be looked for: without a read-back the record would serve nothing.
    const digest = history ? cardDigest(message.card) : undefined;
    const attempt = digest ? { at: new Date().toISOString(), digests: [digest] } : undefined;
    if (digest) await promptly(() => store.recordSendAttempt(key, message.recipientId, digest));
    let unanswered = false;
    // Every attempt, retries included, takes its own slot: a retry is a request Teams counts too.
    const created = await withRetry(async () => {
      if (unanswered && attempt) {
        const found = await this.findLanded(message, attempt);
        if (found) return { id: found };
      }
      await this.limiter.acquire(chat.conversationId);
      try {
        return await connector.createActivity(
          chat.serviceUrl,
          chat.conversationId,
          cardActivity(message.card, message.summary),
        );
      } catch (error) {
        // A refused post (429, 412) did not land; a gateway error or a broken connection may hide one Teams took.
        const status = httpFailure(error)?.status;
        unanswered = status === undefined || status >= 500;
        throw error;
      }
    }, this.options.retry);
    // A chat the bot just opened is kept only once a post to it worked: a reference that fails (the app not yet
    // installed, a chat Teams refuses) would otherwise be reused by every retry until the person writes to us.
    if (fresh) await store.saveChatReference(chat);
    await promptly(() => store.recordSentMessage(key, message.recipientId, created.id));
    return { activityId: created.id };
  }

  /**
   * The activity id of this message if the person's chat shows it was posted after all: a message of the bot's,
   * since the attempt, carrying a card the attempt sent, not recorded for another message. Recorded as sent.
   */
  private async findLanded(
    message: ChatMessage,
    attempt: { at: string; digests: readonly string[] },
  ): Promise<string | undefined> {
    const { store, history } = this.options;
    if (!history) return undefined;
    const since = new Date(Date.parse(attempt.at) - readBackSkewMs).toISOString();
    let posted: PostedMessage[];
    try {
      posted = await history.postedSince(message.recipientId, since);
    } catch (error) {
      // Not readable (the permission not granted, Graph down): posting again risks a repeat, never a loss.
      console.error('chat read-back failed; posting again', error);
      return undefined;
    }
    const taken = await store.sentActivities(message.recipientId, since);
    const found = posted.find(
      (m) => !taken.has(m.id) && m.cards.some((card) => attempt.digests.includes(cardDigest(card))),
    );
    if (!found) return undefined;
    await promptly(() => store.recordSentMessage(message.idempotencyKey, message.recipientId, found.id));
    return found.id;
  }

  async update(recipientId: string, activityId: string, card: Record<string, unknown>): Promise<void> {
    const chat = await this.options.store.chatReference(recipientId);
    if (!chat) throw new Error(`No chat with ${recipientId} to update activity ${activityId} in`);
    await withRetry(async () => {
      await this.limiter.acquire(chat.conversationId);
      await this.options.connector.updateActivity(
        chat.serviceUrl,
        chat.conversationId,
        activityId,
        cardActivity(card),
      );
    }, this.options.retry);
  }

  /** The stored chat, or a newly opened one (`fresh`: not stored until a post to it succeeds). */
  private async chatOf(userId: string): Promise<{ chat: ChatReference; fresh: boolean }> {
    const { store, connector, serviceUrl, tenantId } = this.options;
    const known = await store.chatReference(userId);
    if (known) return { chat: known, fresh: false };
    // Teams only lets the bot open a chat with someone who has the app installed: install it for them first.
    if (this.options.installer) await this.options.installer.ensureInstalled(userId);
    // Opening a chat is a request Teams counts against the app's rate like a post: it takes a slot too.
    const created = await withRetry(async () => {
      await this.limiter.acquire(`new-chat:${userId}`);
      return connector.createPersonalChat(serviceUrl, userId, tenantId);
    }, this.options.retry);
    const reference: ChatReference = {
      userId,
      conversationId: created.id,
      serviceUrl,
      ...(tenantId ? { tenantId } : {}),
    };
    return { chat: reference, fresh: true };
  }
}
