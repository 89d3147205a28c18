/**
 * A fake Teams Bot Connector on loopback that enforces Teams' documented bot limits: per conversation 7 per
 * second and 60 per 30 seconds, per app about 50 per second. A request over a limit gets 429 with
 * Retry-After, as Teams answers. Every accepted message is counted by chat and content, so lost and doubled
 * messages show. Under `graph/v1.0/` it also answers the Graph calls that read the bot's messages back from a
 * person's chat (the app's installation, its chat, `GET /chats/{id}/messages`), from the messages it took.
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
  /** Chat id → the messages taken, in order: what Graph lists for the chat. */
  private readonly messages = new Map<string, Array<{ id: string; createdAt: string; body: string }>>();
  private arrivals = 0;
  /**
   * Message posts (by arrival number, from 1) that are left unanswered and uncounted, as if the connection
   * broke before Teams took the message: a crash test kills the sender while such a post is in flight.
   */
  hold: (arrival: number) => boolean = () => false;
  /** Posts currently held. */
  held = 0;
  /**
   * Message posts (by arrival number) that are taken and counted but never answered, as if the process died in
   * the instant after Teams took the message: only a read-back of the chat can tell the sender it landed.
   */
  swallow: (arrival: number, sender: string | undefined) => boolean = () => false;
  /** Posts taken without an answer. */
  swallowed = 0;
  /** Graph requests that listed a chat's messages. */
  chatReads = 0;
  private unanswered: Array<{ res: ServerResponse; id: string }> = [];

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

  /**
   * Answers the swallowed posts whose sender is still there (late, as after a slow network) and returns how many
   * senders were gone: posts Teams took whose answer died with the process.
   */
  answerSwallowed(): number {
    let gone = 0;
    for (const { res, id } of this.unanswered) {
      if (res.destroyed || res.socket?.destroyed) gone += 1;
      else send(res, 201, { id });
    }
    this.unanswered = [];
    return gone;
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

  /** Where the Graph calls go: a Graph client's base URL. */
  get graphUrl(): string {
    return this.url.replace(/\/teams\/$/, '/graph');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A request counts when it arrives, not when its body has been read (which a busy machine delays).
    const arrived = Date.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'fake'}`);
    const path = url.pathname;
    if (path.startsWith('/graph/')) return this.graph(req, res, url);
    const match = /\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    // A bench instance names itself in the path (`/teams/<sender>/v3/…`), so a test can pick one instance's posts.
    const sender = /^\/teams\/([^/]+)\/v3\//.exec(path)?.[1];
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
    let arrival = 0;
    if (chatId && req.method === 'POST' && !match[2]) {
      arrival = this.arrivals += 1;
      if (this.hold(arrival)) {
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
      const id = `activity-${this.activityCounter}`;
      const taken = this.messages.get(chatId) ?? [];
      taken.push({ id, createdAt: new Date(now).toISOString(), body });
      this.messages.set(chatId, taken);
      if (this.swallow(arrival, sender)) {
        this.swallowed += 1;
        this.unanswered.push({ res, id });
        return;
      }
      return send(res, 201, { id });
    }
    if (chatId && req.method === 'PUT' && match[2]) {
      this.stats.updates += 1;
      return send(res, 200, { id: decodeURIComponent(match[2]) });
    }
    return send(res, 405, { error: { code: 'MethodNotAllowed' } });
  }

  /**
   * Graph, for the bench's people (whose bot chat is `a:chat-<id>`): the installation of the app, the chat it
   * gives, and the chat's messages newest first, 50 a page with `@odata.nextLink`, each card as a JSON string.
   */
  private graph(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const path = decodeURIComponent(url.pathname.replace(/^\/graph\/v1\.0/, ''));
    const installed = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (req.method === 'GET' && installed) {
      const appId = /teamsApp\/id eq '([^']+)'/.exec(url.searchParams.get('$filter') ?? '')?.[1] ?? 'app';
      return send(res, 200, { value: [{ id: `installation-${installed[1]}`, teamsApp: { id: appId } }] });
    }
    const chat = /^\/users\/([^/]+)\/teamwork\/installedApps\/[^/]+\/chat$/.exec(path);
    if (req.method === 'GET' && chat) return send(res, 200, { id: `19:${chat[1]}_bot@unq.gbl.spaces` });
    const list = /^\/chats\/19:(.+)_bot@unq\.gbl\.spaces\/messages$/.exec(path);
    if (req.method === 'GET' && list) {
      this.chatReads += 1;
      const all = [...(this.messages.get(`a:chat-${list[1]}`) ?? [])].reverse();
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const top = Math.min(50, Number(url.searchParams.get('$top') ?? 20));
      const value = all.slice(skip, skip + top).map((m) => ({
        id: m.id,
        createdDateTime: m.createdAt,
        messageType: 'message',
        from: { application: { id: 'bench-bot', applicationIdentityType: 'bot' }, user: null },
        attachments: (
          JSON.parse(m.body) as { attachments?: Array<{ contentType: string; content: unknown }> }
        ).attachments?.map((a) => ({ contentType: a.contentType, content: JSON.stringify(a.content) })),
      }));
      const next = new URL(url);
      next.searchParams.set('$skiptoken', String(skip + top));
      // Graph's links are absolute https; the SDK follows an http one (loopback) only as a path from its base.
      const link = `${path}${next.search}`;
      return send(res, 200, { value, ...(skip + top < all.length ? { '@odata.nextLink': link } : {}) });
    }
    return send(res, 404, { error: { code: 'NotFound', message: path } });
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
