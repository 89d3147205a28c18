/**
 * Invitation fan-out: `n` invitation cards through the real `TeamsMessenger` (its pacing and retries) and the
 * Teams SDK's HTTP client to the fake Bot Connector, which enforces Teams' limits. Reports throughput as a
 * share of the per-app limit, and what the fake received per chat: lost and doubled messages.
 */
import { performance } from 'node:perf_hooks';
import { App } from '@microsoft/teams.apps';
import { invitationCard, toCardJson } from '../src/cards/index.js';
import { sdkConnector, TeamsMessenger } from '../src/bot/teams-messenger.js';
import { createConversation, currentFormat } from '../src/domain/index.js';
import { loadConfig } from '../src/server/config.js';
import { openStore } from '../src/store/index.js';
import { FakeConnector, teamsLimits } from './fake-connector.js';
import { benchBotToken } from './bot-token.js';

/** Figures of one fan-out. */
export interface FanoutResult {
  messages: number;
  seconds: number;
  perSecond: number;
  /** Messages per second over the per-app limit (50/s). */
  shareOfLimit: number;
  throttled: number;
  /** Sends that still failed after the messenger's own retries (the outbox would retry the job). */
  failedFirstPass: number;
  /** Employees without their invitation after the replay. */
  lost: number;
  duplicates: number;
  /** Posts caused by sending everything a second time (a replayed outbox): must be 0. */
  replayPosts: number;
}

/** Sends `n` invitations (one per employee, each in their own 1:1 chat) and checks what arrived. */
export async function benchFanout(n: number): Promise<FanoutResult> {
  const fake = await FakeConnector.start();
  const store = await openStore({ dataDir: 'memory://' });
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' });
    // Everyone has the app installed: their chat with the bot is known, as after the install event.
    for (let i = 0; i < n; i++) {
      await store.saveChatReference({
        userId: `e${i}`,
        conversationId: `a:chat-e${i}`,
        serviceUrl: fake.url,
        tenantId: 'bench-tenant',
      });
    }
    const teams = new App({ clientId: 'bench-bot', token: () => benchBotToken, serviceUrl: fake.url });
    const messenger = new TeamsMessenger({
      connector: sdkConnector(teams),
      store,
      serviceUrl: fake.url,
      tenantId: 'bench-tenant',
    });
    const messages = Array.from({ length: n }, (_, i) => {
      const { conversation } = createConversation({
        id: `fanout-${i}`,
        type: 'vitaliteit',
        formatVersion: currentFormat('vitaliteit').version,
        employeeId: `e${i}`,
        managerId: 'm0',
        requestedBy: 'manager',
        schedule: { start: '2027-01-12T09:00:00.000Z', end: '2027-01-12T10:00:00.000Z' },
        now: '2026-12-01T08:00:00.000Z',
      });
      const built = invitationCard({
        conversation,
        managerName: 'Leidinggevende 0',
        links: config,
        locale: 'nl',
      });
      return {
        recipientId: `e${i}`,
        card: toCardJson(built.card),
        summary: built.summary,
        idempotencyKey: `${conversation.id}:invitation:e${i}:1`,
      };
    });
    const started = performance.now();
    const outcomes = await Promise.allSettled(messages.map((m) => messenger.send(m)));
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    const afterFirst = fake.snapshot();
    await Promise.allSettled(messages.map((m) => messenger.send(m)));
    const afterReplay = fake.snapshot();
    let lost = 0;
    for (let i = 0; i < n; i++) if ((fake.postsPerChat.get(`a:chat-e${i}`) ?? 0) === 0) lost += 1;
    const delivered = afterFirst.posts;
    // The rate the fake saw, first to last accepted post: what counts against Teams' limit.
    const window = ((afterFirst.lastPostAt ?? 0) - (afterFirst.firstPostAt ?? 0)) / 1000;
    const perSecond = delivered > 1 ? (delivered - 1) / Math.max(window, 1e-9) : delivered;
    const appLimit = teamsLimits.perApp[0]?.limit ?? 50;
    return {
      messages: n,
      seconds,
      perSecond,
      shareOfLimit: perSecond / appLimit,
      throttled: afterReplay.throttled,
      failedFirstPass: failed,
      lost,
      duplicates: afterReplay.duplicates.length,
      replayPosts: afterReplay.posts - afterFirst.posts,
    };
  } finally {
    await store.close();
    await fake.close();
  }
}
