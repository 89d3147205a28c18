/**
 * The Teams bot on the shared Express server (Teams SDK v2): welcome on install, "help" and "mijn
 * gesprekken" messages, and the approval card's `decide` and `refresh` actions. Handlers are thin: resolve
 * the person, call the command layer, present a card.
 */
import type {
  AdaptiveCardActionResponse,
  IAdaptiveCardActionInvokeActivity,
  TokenProvider,
} from '@microsoft/teams.api';
import { App, ExpressAdapter, type IActivityContext } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type express from 'express';
import { z } from 'zod';
import {
  approvalCard,
  approvalVerbs,
  commentInputId,
  helpCard,
  linksFor,
  plain,
  statusCard,
  welcomeCard,
  type IAdaptiveCard,
  type Locale,
  type StatusItem,
} from '../cards/index.js';
import {
  conversationAsSeenBy,
  decideInputSchema,
  DomainError,
  partyOf,
  toLocale,
  type Conversation,
  type LocalizedText,
} from '../domain/index.js';
import {
  applyCommand,
  getConversationView,
  listConversations,
  namesFor,
  type AppContext,
  type ConversationView,
} from '../app/index.js';
import { sdkConnector, TeamsMessenger, teamsPace } from './teams-messenger.js';

export interface BotOptions {
  /** Bot Framework service URL for chats the bot opens itself (Teams: https://smba.trafficmanager.net/teams). */
  serviceUrl?: string;
  /** Overrides token acquisition (the Playground accepts any well-formed JWT). */
  token?: TokenProvider;
  logger?: ILogger;
}

export interface Bot {
  app: App;
  /** Proactive messages through this bot; present when the bot has a client id. */
  messenger?: TeamsMessenger;
}

/** The card's action data: the conversation, and the reaction in the one shape card, bot and HTTP share. */
const actionData = z.object({
  conversationId: z.string().min(1).max(200),
  version: decideInputSchema.shape.version,
  decision: decideInputSchema.shape.decision.optional(),
});

/**
 * Creates the bot on `expressApp` and registers `POST /api/messages`. Incoming Bot Framework tokens are
 * validated unless the app runs in local mode (Agents Playground), where no Bot Framework token exists.
 */
export async function createBot(
  ctx: AppContext,
  expressApp: express.Express,
  options: BotOptions = {},
): Promise<Bot> {
  const { bot } = ctx.config;
  const local = ctx.config.authMode === 'local';
  const app = new App({
    httpServerAdapter: new ExpressAdapter(expressApp),
    ...(bot.clientId ? { clientId: bot.clientId } : {}),
    ...(bot.clientSecret ? { clientSecret: bot.clientSecret } : {}),
    ...(bot.tenantId ? { tenantId: bot.tenantId } : {}),
    ...(options.token ? { token: options.token } : {}),
    ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    // Explicit on purpose: the SDK's environment variable must never switch validation off outside local mode.
    dangerouslyAllowUnauthenticatedRequests: local,
    messagingEndpoint: '/api/messages',
  });

  if (local) {
    // Local mode takes unsigned activities (Agents Playground), and the bot answers at the activity's service URL:
    // without this check anyone who reaches /api/messages could make it post to an address of their choosing.
    const expected = sameUrl(options.serviceUrl ?? bot.serviceUrl);
    app.use(async (turn) => {
      if (sameUrl(turn.activity.serviceUrl ?? '') !== expected) {
        turn.log.warn(`ignored an activity from service URL ${turn.activity.serviceUrl ?? '(none)'}`);
        return;
      }
      return turn.next();
    });
  }

  app.on('install.add', async (turn) => {
    const userId = await resolveUser(ctx, turn.activity.from);
    if (!userId) return;
    await rememberChat(ctx, userId, turn.activity);
    await sendWelcome(ctx, turn, userId);
  });

  app.on('conversationUpdate', async (turn) => {
    const added = turn.activity.membersAdded ?? [];
    // The bot itself joining a personal chat is the moment to say hello; other members are not our users.
    if (!added.some((m) => m.id === turn.activity.recipient.id)) return;
    const userId = await resolveUser(ctx, turn.activity.from);
    if (!userId) return;
    await rememberChat(ctx, userId, turn.activity);
    await sendWelcome(ctx, turn, userId);
  });

  app.on('message', async (turn) => {
    const userId = await resolveUser(ctx, turn.activity.from);
    const locale = await userLocale(ctx, userId, turn.activity.locale);
    if (!userId) {
      await turn.send(plain('errorGeneric', locale));
      return;
    }
    await rememberChat(ctx, userId, turn.activity);
    const command = normalise(turn.activity.text ?? '');
    if (statusCommands.has(command)) {
      await turn.send(await statusCardFor(ctx, userId, locale));
      return;
    }
    if (!helpCommands.has(command)) await turn.send(plain('unknownCommand', locale));
    await turn.send(helpCard({ links: linksFor(ctx.config, userId), locale }).card);
  });

  app.on('card.action', async (turn) => handleCardAction(ctx, turn));

  await app.initialize();
  const messenger = bot.clientId
    ? new TeamsMessenger({
        connector: sdkConnector(app),
        store: ctx.store,
        serviceUrl: options.serviceUrl ?? 'https://smba.trafficmanager.net/teams/',
        ...(bot.tenantId ? { tenantId: bot.tenantId } : {}),
        ...(ctx.appInstaller ? { installer: ctx.appInstaller } : {}),
        ...(ctx.chatHistory ? { history: ctx.chatHistory } : {}),
        // Every instance on this database draws from one per-app pace.
        sharedPace: teamsPace(ctx.store.executor, bot.tenantId),
      })
    : undefined;
  return { app, ...(messenger ? { messenger } : {}) };
}

/** A service URL as compared: lower case, without trailing slashes. */
function sameUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

const helpCommands = new Set(['help', 'hulp', '?', 'menu', 'start']);
const statusCommands = new Set([
  'mijn gesprekken',
  'gesprekken',
  'status',
  'my conversations',
  'conversations',
]);

/** Lower-cases, strips @mentions and trailing punctuation: "@Gesprekken Mijn gesprekken!" → "mijn gesprekken". */
export function normalise(text: string): string {
  const stripped = text
    .replace(/<at>.*?<\/at>/gi, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  return stripped === '?' ? stripped : stripped.replace(/[.!?]+$/, '').trim();
}

interface Sender {
  id: string;
  aadObjectId?: string;
}

/**
 * The app's user id: the Entra object id Teams sends. Locally (Agents Playground) the sender is a test
 * account, so a directory id, or the configured playground user, stands in.
 */
export async function resolveUser(ctx: AppContext, from: Sender): Promise<string | undefined> {
  if (ctx.config.authMode !== 'local') return from.aadObjectId || undefined;
  for (const candidate of [from.aadObjectId, from.id]) {
    if (candidate && (await ctx.directory.getUser(candidate))) return candidate;
  }
  return ctx.config.playgroundUser ?? from.aadObjectId ?? from.id;
}

async function userLocale(
  ctx: AppContext,
  userId: string | undefined,
  activityLocale: string | undefined,
): Promise<Locale> {
  const user = userId ? await ctx.directory.getUser(userId) : undefined;
  return toLocale(user?.locale ?? activityLocale);
}

interface ChatActivity {
  conversation: { id: string; conversationType?: string; tenantId?: string };
  serviceUrl?: string;
  channelData?: { tenant?: { id?: string } };
}

/** Remembers where to reach a person proactively: their 1:1 chat with the bot. */
async function rememberChat(ctx: AppContext, userId: string, activity: ChatActivity): Promise<void> {
  const type = activity.conversation.conversationType;
  if ((type && type !== 'personal') || !activity.serviceUrl) return;
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
  await ctx.store.saveChatReference({
    userId,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
  });
}

type Turn = Pick<IActivityContext, 'send'> & { activity: ChatActivity & { locale?: string } };

/** Sends the welcome card once per chat, however many install events arrive. */
async function sendWelcome(ctx: AppContext, turn: Turn, userId: string): Promise<void> {
  const key = `welcome:${userId}:${turn.activity.conversation.id}`;
  // Teams may deliver the install and the conversation update together: only the one that claims the key says hello.
  if (!(await ctx.store.claimMessage(key, userId))) return;
  try {
    const locale = await userLocale(ctx, userId, turn.activity.locale);
    const sent = await turn.send(welcomeCard({ links: linksFor(ctx.config, userId), locale }).card);
    await ctx.store.recordSentMessage(key, userId, sent.id);
  } catch (error) {
    await ctx.store.releaseMessage(key);
    throw error;
  }
}

async function statusCardFor(ctx: AppContext, userId: string, locale: Locale): Promise<IAdaptiveCard> {
  const summaries = await listConversations(ctx, userId);
  const items: StatusItem[] = summaries.map((s) => ({
    id: s.id,
    type: s.type,
    stage: s.stage,
    party: s.party,
    employeeName: s.employee.displayName,
    employeeId: s.employee.id,
    ...(s.currentVersion !== undefined ? { currentVersion: s.currentVersion } : {}),
    ...(s.manager ? { managerName: s.manager.displayName } : {}),
    nextStep: s.nextStep,
    ...(s.schedule?.start ? { start: s.schedule.start } : {}),
  }));
  const isManager = (await ctx.directory.directReports(userId)).length > 0;
  return statusCard({ items, isManager, links: linksFor(ctx.config, userId), locale }).card;
}

type CardActionTurn = IActivityContext<IAdaptiveCardActionInvokeActivity>;

function cardResponse(card: IAdaptiveCard): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

function errorResponse(
  code: string,
  text: LocalizedText,
  locale: Locale,
  statusCode: 400 | 500 = 400,
): AdaptiveCardActionResponse {
  return {
    statusCode,
    type: 'application/vnd.microsoft.error',
    value: { code, message: text[locale], innerHttpError: { statusCode, body: { code } } },
  };
}

const notYours: LocalizedText = {
  nl: 'Deze kaart hoort bij een gesprek waar je geen toegang toe hebt.',
  en: 'This card belongs to a conversation you have no access to.',
};
const unknownAction: LocalizedText = {
  nl: 'Deze actie wordt niet herkend. Open het gesprek in de app.',
  en: 'This action is not recognised. Open the conversation in the app.',
};

/** `decide` records a decision through the command layer; `refresh` shows the viewer the current state. */
export async function handleCardAction(
  ctx: AppContext,
  turn: CardActionTurn,
): Promise<AdaptiveCardActionResponse> {
  const action = turn.activity.value.action;
  const userId = await resolveUser(ctx, turn.activity.from);
  const locale = await userLocale(ctx, userId, turn.activity.locale);
  const parsed = actionData.safeParse(action.data);
  if (!userId || !parsed.success) return errorResponse('invalid_action', unknownAction, locale);
  const { conversationId, version, decision } = parsed.data;

  const present = async (
    view: { conversation: Conversation; party: ConversationView['party'] },
    notice?: { text: LocalizedText; tone: 'good' | 'warning' | 'attention' },
  ) => {
    const { conversation } = view;
    if (!conversation.versions.some((v) => v.number === version))
      return errorResponse('invalid_action', unknownAction, locale);
    const card = approvalCard({
      conversation,
      version,
      viewer: { id: userId, party: view.party },
      names: await namesFor(ctx, conversation, [userId]),
      links: linksFor(ctx.config, userId),
      locale,
      refreshUserIds: [conversation.employeeId, conversation.managerId],
      wayOut: ctx.config.wayOut[locale],
      ...(notice ? { notice } : {}),
    }).card;
    return cardResponse(card);
  };

  try {
    if (action.verb === approvalVerbs.refresh)
      return await present(await getConversationView(ctx, userId, conversationId));
    if (action.verb !== approvalVerbs.decide || !decision)
      return errorResponse('invalid_action', unknownAction, locale);
    const raw: unknown = action.data[commentInputId(decision)] ?? action.data.comment;
    // Cards send empty inputs as ''; the domain checks the rest (blank text, the length limit) with a message.
    const comment = typeof raw === 'string' && raw.trim() ? raw : undefined;
    try {
      // The card needs the conversation as this person sees it, not the tab's whole view.
      const { saved, relation } = await applyCommand(ctx, userId, conversationId, {
        type: 'decide',
        version,
        decision,
        ...(comment ? { comment } : {}),
      });
      const view = {
        conversation: conversationAsSeenBy(saved.conversation, relation),
        party: partyOf(relation),
      };
      return await present(view, {
        text: { nl: plain('approvalRecorded', 'nl'), en: plain('approvalRecorded', 'en') },
        tone: 'good',
      });
    } catch (error) {
      // The author of a vitality report may see its card but never react to it: say why, on her card.
      const ownReport = error instanceof DomainError && error.code === 'author_signed';
      if (
        !(error instanceof DomainError) ||
        error.kind === 'not-found' ||
        (error.kind === 'forbidden' && !ownReport)
      )
        throw error;
      const view = await getConversationView(ctx, userId, conversationId);
      // A double click or a replayed action: the first one counted; just show where things stand.
      if (error.code === 'already_decided') return await present(view);
      return await present(view, {
        text: error.text,
        tone: error.code === 'stale_version' ? 'warning' : 'attention',
      });
    }
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'not-found' || error.kind === 'forbidden')) {
      return errorResponse(error.code, notYours, locale);
    }
    turn.log.error('card action failed', error);
    return errorResponse(
      'internal',
      { nl: plain('errorGeneric', 'nl'), en: plain('errorGeneric', 'en') },
      locale,
      500,
    );
  }
}
