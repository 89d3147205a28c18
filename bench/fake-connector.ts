/**
 * A fake Teams Bot Connector on loopback that enforces Teams' documented bot limits: per conversation 7 per
 * second and 60 per 30 seconds, per app about 50 per second. A request over a limit gets 429 with
 * Retry-After, as Teams answers. Every accepted message is counted by chat and content, so lost and doubled
 * messages show.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One limit: at most `limit` accepted requests per `windowMs`. */
export interface Limit {
  limit: number;
  windowMs: number;
}

/** The limits the fake enforces. */
export interface ConnectorLimits {
  perConversation: readonly Limit[];
  perApp: readonly Limit[];
}

/** Teams' documented limits (Optimize your bot with rate limiting). */
export const teamsLimits: ConnectorLimits = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 60, windowMs: 30_000 },
  ],
  perApp: [{ limit: 50, windowMs: 1_000 }],
};

/** What the fake saw. */
export interface ConnectorStats {
  accepted: number;
  throttled: number;
  /** Of those, over a per-conversation limit (the rest: over the per-app limit). */
  throttledPerConversation: number;
  chatsCreated: number;
  connections: number;
  /** Accepted message posts: first and last arrival (ms since epoch). */
  firstPostAt: number | undefined;
  lastPostAt: number | undefined;
  posts: number;
  updates: number;
  /** Message keys (chat + content) posted more than once. */
  duplicates: string[];
  /** The most requests (accepted or not) that arrived within any one per-app window: what the senders tried. */
  peakAttempts: number;
  /** Accepted message posts per second from the first one: where a fan-out slows down shows here. */
  postsPerSecond: number[];
}

/** The fake connector server. */
export class FakeConnector {
  readonly url: string;
  /** Chat id → number of messages posted to it. */
  readonly postsPerChat = new Map<string, number>();
  /** Chat id + content hash → times posted. */
  readonly postsPerKey = new Map<string, number>();
  private readonly accepted = new Map<string, number[]>();
  private readonly appStamps: number[] = [];
  private readonly attemptStamps: number[] = [];
  private peakAttempts = 0;
  private readonly postStamps: number[] = [];
  private stats = {
    accepted: 0,
    throttled: 0,
    throttledPerConversation: 0,
    chatsCreated: 0,
    /** TCP connections the senders opened: a client that keeps its connections opens a few, not one per post. */
    connections: 0,
    posts: 0,
    updates: 0,
    firstPostAt: undefined as number | undefined,
    lastPostAt: undefined as number | undefined,
  };
  private activityCounter = 0;
  private arrivals = 0;
  /**
   * Message posts (by arrival number, from 1) that are left unanswered and uncounted, as if the connection
   * broke before Teams took the message: a crash test kills the sender while such a post is in flight.
   */
  hold: (arrival: number) => boolean = () => false;
  /** Posts currently held. */
  held = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly limits: ConnectorLimits,
  ) {
    this.url = `http://127.0.0.1:${port}/teams/`;
  }

  /** Starts listening on an ephemeral loopback port. */
  static async start(limits: ConnectorLimits = teamsLimits): Promise<FakeConnector> {
    // The server needs its handler before the instance exists: requests only arrive after listen().
    const holder: { instance?: FakeConnector } = {};
    const server = createServer((req, res) => {
      holder.instance?.handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    // Connections stay open as Teams' do (close() ends them). Not shorter: Node's client takes a second off the
    // server's announced keep-alive for safety, so a one-second timeout made every post open a new connection.
    server.keepAliveTimeout = 5_000;
    const port = await new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    holder.instance = new FakeConnector(server, port, limits);
    server.on('connection', () => {
      if (holder.instance) holder.instance.stats.connections += 1;
    });
    return holder.instance;
  }

  /** Counters and the duplicate list. */
  snapshot(): ConnectorStats {
    const duplicates = [...this.postsPerKey.entries()].filter(([, n]) => n > 1).map(([key]) => key);
    const first = this.postStamps[0] ?? 0;
    const postsPerSecond: number[] = [];
    for (const stamp of this.postStamps) {
      const second = Math.floor((stamp - first) / 1000);
      while (postsPerSecond.length <= second) postsPerSecond.push(0);
      postsPerSecond[second] = (postsPerSecond[second] ?? 0) + 1;
    }
    return { ...this.stats, duplicates, peakAttempts: this.peakAttempts, postsPerSecond };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request counts when it arrives, not when its body has been read (which a busy machine delays).
    const arrived = Date.now();
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const match = /\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!match) return send(res, 404, { error: { code: 'NotFound', message: path } });
    if (!/^Bearer \S+/.test(req.headers.authorization ?? ''))
      return send(res, 401, { error: { code: 'Unauthorized' } });
    const chatId = match[1] ? decodeURIComponent(match[1]) : undefined;
    const now = Date.now();
    this.attemptStamps.push(arrived);
    prune(this.attemptStamps, this.limits.perApp, now);
    const appWindow = this.limits.perApp[0]?.windowMs ?? 1_000;
    this.peakAttempts = Math.max(
      this.peakAttempts,
      this.attemptStamps.filter((t) => t > now - appWindow).length,
    );
    const appWait = windowWait(this.appStamps, this.limits.perApp, now);
    const chatWait = chatId
      ? windowWait(this.accepted.get(chatId) ?? [], this.limits.perConversation, now)
      : 0;
    const wait = Math.max(appWait, chatWait);
    if (wait > 0) {
      this.stats.throttled += 1;
      if (chatWait > 0) this.stats.throttledPerConversation += 1;
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
      return send(res, 429, { error: { code: 'TooManyRequests', message: 'throttled' } });
    }
    if (chatId && req.method === 'POST' && !match[2]) {
      this.arrivals += 1;
      if (this.hold(this.arrivals)) {
        this.held += 1;
        res.once('close', () => (this.held -= 1));
        return;
      }
    }
    this.take(chatId, now);
    this.stats.accepted += 1;
    if (!chatId && req.method === 'POST') {
      // A new 1:1 chat: one per member, like Teams (asking again returns the same chat).
      const payload = JSON.parse(body || '{}') as { members?: Array<{ id?: string }> };
      this.stats.chatsCreated += 1;
      return send(res, 201, { id: `a:chat-${payload.members?.[0]?.id ?? 'unknown'}` });
    }
    if (chatId && req.method === 'POST' && !match[2]) {
      const key = `${chatId}#${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
      this.postsPerKey.set(key, (this.postsPerKey.get(key) ?? 0) + 1);
      this.postsPerChat.set(chatId, (this.postsPerChat.get(chatId) ?? 0) + 1);
      this.stats.posts += 1;
      this.stats.firstPostAt ??= now;
      this.stats.lastPostAt = now;
      this.postStamps.push(now);
      this.activityCounter += 1;
      return send(res, 201, { id: `activity-${this.activityCounter}` });
    }
    if (chatId && req.method === 'PUT' && match[2]) {
      this.stats.updates += 1;
      return send(res, 200, { id: decodeURIComponent(match[2]) });
    }
    return send(res, 405, { error: { code: 'MethodNotAllowed' } });
  }

  private take(chatId: string | undefined, now: number): void {
    this.appStamps.push(now);
    prune(this.appStamps, this.limits.perApp, now);
    if (!chatId) return;
    const stamps = this.accepted.get(chatId) ?? [];
    stamps.push(now);
    prune(stamps, this.limits.perConversation, now);
    this.accepted.set(chatId, stamps);
  }
}

function windowWait(stamps: readonly number[], limits: readonly Limit[], now: number): number {
  let wait = 0;
  for (const { limit, windowMs } of limits) {
    const inWindow = stamps.filter((t) => t > now - windowMs);
    if (inWindow.length >= limit)
      wait = Math.max(wait, (inWindow[inWindow.length - limit] as number) + windowMs - now);
  }
  return wait;
}

function prune(stamps: number[], limits: readonly Limit[], now: number): void {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  while (stamps.length > 0 && (stamps[0] as number) <= now - longest) stamps.shift();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
