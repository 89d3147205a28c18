/**
 * A fake Microsoft Graph (v1.0) for the adapter tests: msw handlers over in-memory state with the documented status
 * codes and error bodies, paging via `@odata.nextLink`, `$batch`, upload sessions with ranges and expiry, and fault
 * injection (throttling with Retry-After, 5xx, lost answers, dropped connections) with counters to assert on.
 */
import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { FaultInjector } from './fake-graph/faults.js';
import {
  asRecord,
  field,
  graphError,
  itemNotFound,
  noContent,
  ok,
  resourceNotFound,
  type FakeRequest,
  type FakeResponse,
} from './fake-graph/http.js';

export type { FaultRule } from './fake-graph/faults.js';

export const graphRoot = 'https://graph.microsoft.com/v1.0';
/** Upload sessions and downloads live on the SharePoint host, outside Graph (no Authorization header there). */
export const sharePointHost = 'https://contoso.sharepoint.com';

/** A user in the fake directory. */
export interface FakeUser {
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName: string;
  jobTitle?: string;
  department?: string;
  preferredLanguage?: string;
  /** False for an account that was switched off (someone who left); absent counts as enabled. */
  accountEnabled?: boolean;
  managerId?: string;
  automaticReplies?: {
    status: 'disabled' | 'alwaysEnabled' | 'scheduled';
    start?: string;
    end?: string;
    message?: string;
  };
  /** Busy periods for getSchedule / findMeetingTimes (UTC ISO). */
  busy?: Array<{ start: string; end: string; status?: string }>;
}

/** A calendar event as stored. */
export interface FakeEvent {
  id: string;
  organizerId: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: unknown[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting?: { joinUrl: string };
  transactionId?: string;
  isCancelled: boolean;
  cancelComment?: string;
}

/** A To Do task list with its tasks. */
export interface FakeTodoList {
  id: string;
  displayName: string;
  wellknownListName: string;
  tasks: Map<string, Record<string, unknown>>;
}

/** A permission set directly on a drive item: to a user or group (`objectId`), or by e-mail. */
export interface FakePermission {
  id: string;
  roles: string[];
  recipient: Record<string, unknown>;
}

/** A permission as it applies to an item: set on it, or inherited from the ancestor that holds it. */
export interface EffectivePermission extends FakePermission {
  /** The ancestor it is inherited from; undefined when it is set on the item itself. */
  inheritedFrom: FakeDriveItem | undefined;
}

/** A drive item (file or folder). */
export interface FakeDriveItem {
  id: string;
  driveId: string;
  name: string;
  parentId: string | undefined;
  isFolder: boolean;
  content: Uint8Array;
  mimeType?: string;
  fields: Record<string, unknown>;
  /** Permissions set on the item itself. */
  permissions: FakePermission[];
  /**
   * Whether the item also has its parent's permissions (SharePoint's inheritance). A drive root holds the library's
   * own permissions and inherits nothing; the first invite on an item breaks inheritance, keeping the inherited
   * permissions as its own unless `retainInheritedPermissions: false`.
   */
  inheritsPermissions: boolean;
  retentionLabel?: string;
  createdDateTime: string;
}

interface UploadSession {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflictBehavior: string;
  expiresAt: number;
  received: Uint8Array[];
  receivedBytes: number;
  totalSize?: number;
}

/** An app installed in a user's personal scope. */
export interface FakeInstalledApp {
  id: string;
  teamsAppId: string;
  chatId: string;
}

/** A message in a chat, in Graph's `chatMessage` shape (the parts the app reads). */
export interface FakeChatMessage {
  id: string;
  createdDateTime: string;
  messageType: 'message' | 'systemEventMessage';
  from: { application: { id: string; applicationIdentityType: 'bot' } | null; user: { id: string } | null };
  body: { contentType: 'html' | 'text'; content: string };
  attachments: Array<{ id: string; contentType: string; content: string }>;
}

/** One logged request. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  viaBatch: boolean;
}

type Route = [
  method: string,
  pattern: RegExp,
  handler: (request: FakeRequest, match: RegExpMatchArray) => FakeResponse,
];

const uploadChunkUnit = 320 * 1024;
/** Graph's largest page of directory objects once `$expand` is used (a documented limit). */
const expandedPageLimit = 100;

/** The in-memory Graph plus its msw server. */
export class FakeGraph {
  readonly users = new Map<string, FakeUser>();
  /** Group id → member ids (direct members; `checkMemberGroups` is transitive through `nestedGroups`). */
  readonly groups = new Map<string, Set<string>>();
  /** Group id → groups nested in it. */
  readonly nestedGroups = new Map<string, Set<string>>();
  readonly events = new Map<string, FakeEvent>();
  readonly todo = new Map<string, FakeTodoList[]>();
  readonly items = new Map<string, FakeDriveItem>();
  readonly drives = new Map<string, { rootId: string; columns: Set<string> }>();
  readonly installedApps = new Map<string, FakeInstalledApp[]>();
  /** Chat id → its messages, in the order they were posted. */
  readonly chatMessages = new Map<string, FakeChatMessage[]>();
  readonly activityNotifications: Array<{ userId: string; body: Record<string, unknown> }> = [];
  /** Delegated tokens: bearer token → user id. Any other token is app-only. */
  readonly delegatedTokens = new Map<string, string>();
  readonly faults = new FaultInjector();
  readonly log: LoggedRequest[] = [];
  /** Every file created in a drive (simple upload or completed session), in order. */
  readonly fileCreations: Array<{ itemId: string; parentId: string; name: string; size: number }> = [];
  /** Page size of every collection (small, so paging is exercised). */
  pageSize = 2;
  /** Largest body a simple upload accepts; bigger files need an upload session. */
  simpleUploadLimit = 4 * 1024 * 1024;
  /** Upload session lifetime. */
  uploadSessionLifetimeMs = 15 * 60 * 1000;
  /** Called with every request before it is handled (e.g. to move the clock at a chosen moment). */
  onRequest: ((request: FakeRequest) => void) | undefined;
  /** The fake's clock (upload session expiry). */
  now: () => number = () => Date.now();

  private readonly sessions = new Map<string, UploadSession>();
  private counter = 0;
  private readonly routes: Route[];
  readonly server: SetupServer;

  constructor() {
    this.routes = this.buildRoutes();
    this.server = setupServer(
      http.all(/^https:\/\/graph\.microsoft\.com\/v1\.0\//, async ({ request }) => this.handleGraph(request)),
      http.all(/^https:\/\/contoso\.sharepoint\.com\//, async ({ request }) =>
        this.handleSharePoint(request),
      ),
    );
  }

  /** Starts intercepting; unknown hosts fail the test. */
  listen(): void {
    this.server.listen({ onUnhandledFrame: 'error' });
  }

  close(): void {
    this.server.close();
  }

  /** Empties every record, fault and log, and drops handlers a test added: a fresh Graph for the next test. */
  reset(): void {
    for (const map of [
      this.users,
      this.groups,
      this.nestedGroups,
      this.events,
      this.todo,
      this.items,
      this.drives,
      this.installedApps,
      this.chatMessages,
      this.delegatedTokens,
      this.sessions,
    ])
      map.clear();
    this.activityNotifications.length = 0;
    this.log.length = 0;
    this.fileCreations.length = 0;
    this.faults.clear();
    this.server.resetHandlers();
  }

  // ---- seeding -------------------------------------------------------------------------------------------------

  addUser(user: Omit<FakeUser, 'userPrincipalName'> & { userPrincipalName?: string }): FakeUser {
    const full: FakeUser = {
      userPrincipalName: `${user.id}@contoso.nl`,
      mail: `${user.id}@contoso.nl`,
      ...user,
    };
    this.users.set(full.id, full);
    return full;
  }

  addGroup(groupId: string, memberIds: string[], nested: string[] = []): void {
    this.groups.set(groupId, new Set(memberIds));
    this.nestedGroups.set(groupId, new Set(nested));
  }

  /**
   * A document library with its root folder and the columns its list knows; `access` are the library's own
   * permissions (e.g. the HR group on the personnel library), which every item inherits until its inheritance is
   * broken.
   */
  addDrive(
    driveId: string,
    columns: string[],
    access: Array<{ objectId: string; roles: string[] }> = [],
  ): FakeDriveItem {
    const root = this.newItem(driveId, 'root', undefined, true);
    root.inheritsPermissions = false;
    root.permissions = access.map(({ objectId, roles }) => ({
      id: this.nextId('perm'),
      roles,
      recipient: { objectId },
    }));
    this.drives.set(driveId, { rootId: root.id, columns: new Set(columns) });
    return root;
  }

  /** Creates a folder path under the drive root (for seeding). */
  ensureFolderPath(driveId: string, path: string): FakeDriveItem {
    const drive = this.drives.get(driveId);
    if (!drive) throw new Error(`No drive ${driveId}`);
    let parent = this.items.get(drive.rootId)!;
    for (const name of path.split('/').filter(Boolean)) {
      parent = this.childNamed(parent.id, name) ?? this.newItem(driveId, name, parent.id, true);
    }
    return parent;
  }

  // ---- assertions ----------------------------------------------------------------------------------------------

  /** Number of logged requests matching method and path. */
  count(method: string, path: RegExp): number {
    return this.log.filter((r) => r.method === method && path.test(r.path)).length;
  }

  childrenOf(folderId: string): FakeDriveItem[] {
    return [...this.items.values()].filter((item) => item.parentId === folderId);
  }

  childNamed(folderId: string, name: string): FakeDriveItem | undefined {
    const lower = name.toLowerCase();
    return this.childrenOf(folderId).find((item) => item.name.toLowerCase() === lower);
  }

  /** The permissions that apply to an item: its own, then (while it inherits) those of its ancestors. */
  effectivePermissions(itemId: string): EffectivePermission[] {
    const item = this.items.get(itemId);
    if (!item) return [];
    const own = item.permissions.map((p) => ({ ...p, inheritedFrom: undefined }));
    if (!item.inheritsPermissions || !item.parentId) return own;
    const inherited = this.effectivePermissions(item.parentId).map((p) => ({
      ...p,
      inheritedFrom: p.inheritedFrom ?? this.items.get(item.parentId!),
    }));
    return [...own, ...inherited];
  }

  /**
   * Everyone who can open an item, as user ids: every permission that applies to it, groups expanded to their
   * (transitive) members, sorted. Permissions by e-mail count as the user with that address.
   */
  readersOf(itemId: string): string[] {
    const readers = new Set<string>();
    for (const permission of this.effectivePermissions(itemId)) {
      for (const id of this.usersOf(permission.recipient)) readers.add(id);
    }
    return [...readers].sort();
  }

  private usersOf(recipient: Record<string, unknown>): string[] {
    const objectId = typeof recipient.objectId === 'string' ? recipient.objectId : undefined;
    if (objectId && this.groups.has(objectId)) return this.membersOf(objectId, new Set());
    if (objectId) return [objectId];
    const email = typeof recipient.email === 'string' ? recipient.email.toLowerCase() : undefined;
    const user = [...this.users.values()].find((u) => u.mail?.toLowerCase() === email);
    return user ? [user.id] : email ? [email] : [];
  }

  private membersOf(groupId: string, seen: Set<string>): string[] {
    if (seen.has(groupId)) return [];
    seen.add(groupId);
    const direct = [...(this.groups.get(groupId) ?? [])];
    const nested = [...(this.nestedGroups.get(groupId) ?? [])].flatMap((g) => this.membersOf(g, seen));
    return [...direct, ...nested];
  }

  /** Files whose list item says they belong to a conversation. */
  filesOfConversation(conversationId: string): FakeDriveItem[] {
    return [...this.items.values()].filter(
      (item) => !item.isFolder && item.fields.ConversationId === conversationId,
    );
  }

  // ---- HTTP plumbing -------------------------------------------------------------------------------------------

  private async handleGraph(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const auth = request.headers.get('Authorization');
    const fakeRequest = await this.toFakeRequest(request, url, url.pathname.replace(/^\/v1\.0/, ''));
    if (!auth?.startsWith('Bearer ') || auth.length <= 'Bearer '.length) {
      return toResponse(graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'));
    }
    const delegated = this.delegatedTokens.get(auth.slice('Bearer '.length));
    if (delegated) fakeRequest.delegatedUserId = delegated;
    return toResponse(this.dispatch(fakeRequest));
  }

  private async handleSharePoint(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const fakeRequest = await this.toFakeRequest(request, url, url.pathname);
    // The upload URL is pre-authenticated: a bearer token there is refused (documented 401).
    if (url.pathname.startsWith('/_upload/') && request.headers.get('Authorization')) {
      return toResponse(
        graphError(401, 'unauthenticated', 'Do not send an Authorization header to the upload URL.'),
      );
    }
    return toResponse(this.dispatch(fakeRequest));
  }

  private async toFakeRequest(request: Request, url: URL, path: string): Promise<FakeRequest> {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const isJson = (request.headers.get('Content-Type') ?? '').includes('json');
    let json: unknown;
    if (isJson && bytes.length > 0) json = JSON.parse(new TextDecoder().decode(bytes));
    return {
      method: request.method,
      path,
      query: url.searchParams,
      headers: request.headers,
      json,
      bytes,
      viaBatch: false,
      url,
    };
  }

  private dispatch(request: FakeRequest): FakeResponse {
    this.onRequest?.(request);
    const fault = this.faults.take(request);
    let response: FakeResponse;
    if (fault && fault.rule.when !== 'after-commit') {
      response = fault.response;
    } else {
      response = this.route(request);
      if (fault) response = fault.response;
    }
    this.log.push({
      method: request.method,
      path: request.path,
      status: response.status,
      viaBatch: request.viaBatch,
    });
    return response;
  }

  private route(request: FakeRequest): FakeResponse {
    for (const [method, pattern, handler] of this.routes) {
      if (method !== request.method) continue;
      const match = request.path.match(pattern);
      if (match) return handler(request, match);
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${request.path}'.`);
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(6, '0')}`;
  }

  // ---- routes --------------------------------------------------------------------------------------------------

  private buildRoutes(): Route[] {
    const seg = '([^/]+)';
    const d = (pattern: string) => new RegExp(`^${pattern}$`);
    return [
      ['POST', d('/\\$batch'), (r) => this.batch(r)],
      // directory
      ['GET', d('/users'), (r) => this.listUsers(r)],
      ['GET', d(`/users/${seg}`), (r, m) => this.withUser(m[1]!, r, (u) => ok(userJson(u)))],
      ['GET', d(`/users/${seg}/manager`), (r, m) => this.manager(r, m[1]!)],
      ['GET', d(`/users/${seg}/directReports`), (r, m) => this.directReports(r, m[1]!)],
      ['POST', d(`/users/${seg}/checkMemberGroups`), (r, m) => this.checkMemberGroups(r, m[1]!)],
      [
        'GET',
        d(`/users/${seg}/mailboxSettings`),
        (r, m) => this.withUser(m[1]!, r, (u) => ok(mailboxSettings(u))),
      ],
      // calendar
      ['POST', d(`/users/${seg}/events`), (r, m) => this.withUser(m[1]!, r, (u) => this.createEvent(r, u))],
      ['GET', d(`/users/${seg}/events/${seg}`), (r, m) => this.withEvent(m[1]!, m[2]!, r, (e) => ok(e))],
      [
        'PATCH',
        d(`/users/${seg}/events/${seg}`),
        (r, m) => this.withEvent(m[1]!, m[2]!, r, (e) => this.patchEvent(r, e)),
      ],
      [
        'POST',
        d(`/users/${seg}/events/${seg}/cancel`),
        (r, m) => this.withEvent(m[1]!, m[2]!, r, (e) => this.cancelEvent(r, e)),
      ],
      [
        'POST',
        d(`/users/${seg}/calendar/getSchedule`),
        (r, m) => this.withUser(m[1]!, r, () => this.getSchedule(r)),
      ],
      ['POST', d(`/users/${seg}/findMeetingTimes`), (r, m) => this.findMeetingTimes(r, m[1]!)],
      ['POST', d('/me/findMeetingTimes'), (r) => this.findMeetingTimes(r, 'me')],
      // to do
      [
        'GET',
        d(`/users/${seg}/todo/lists`),
        (r, m) => this.withUser(m[1]!, r, (u) => this.page(r, this.listsOf(u.id).map(listJson))),
      ],
      [
        'POST',
        d(`/users/${seg}/todo/lists`),
        (r, m) => this.withUser(m[1]!, r, (u) => this.createList(r, u.id)),
      ],
      [
        'GET',
        d(`/users/${seg}/todo/lists/${seg}/tasks`),
        (r, m) =>
          this.withList(m[1]!, m[2]!, r, (l) =>
            this.page(
              r,
              [...l.tasks.values()].map((t) => taskJson(t, r)),
            ),
          ),
      ],
      [
        'POST',
        d(`/users/${seg}/todo/lists/${seg}/tasks`),
        (r, m) => this.withList(m[1]!, m[2]!, r, (l) => this.createTask(r, l)),
      ],
      [
        'GET',
        d(`/users/${seg}/todo/lists/${seg}/tasks/${seg}`),
        (r, m) => this.withTask(m[1]!, m[2]!, m[3]!, r, (t) => ok(taskJson(t, r))),
      ],
      [
        'PATCH',
        d(`/users/${seg}/todo/lists/${seg}/tasks/${seg}`),
        (r, m) => this.withTask(m[1]!, m[2]!, m[3]!, r, (t) => this.patchTask(r, t)),
      ],
      // teamwork
      [
        'GET',
        d(`/users/${seg}/teamwork/installedApps`),
        (r, m) => this.withUser(m[1]!, r, (u) => this.listInstalledApps(r, u.id)),
      ],
      [
        'POST',
        d(`/users/${seg}/teamwork/installedApps`),
        (r, m) => this.withUser(m[1]!, r, (u) => this.installApp(r, u.id)),
      ],
      [
        'GET',
        d(`/users/${seg}/teamwork/installedApps/${seg}/chat`),
        (r, m) => this.installedChat(m[1]!, m[2]!),
      ],
      ['GET', d(`/chats/${seg}/messages`), (r, m) => this.listChatMessages(r, dec(m[1]!))],
      [
        'POST',
        d(`/users/${seg}/teamwork/sendActivityNotification`),
        (r, m) => this.withUser(m[1]!, r, (u) => this.sendActivity(r, u.id)),
      ],
      // drives
      ['GET', d(`/drives/${seg}/root:/(.+?):?`), (r, m) => this.itemByPath(m[1]!, undefined, m[2]!)],
      ['GET', d(`/drives/${seg}/items/${seg}:/(.+?):?`), (r, m) => this.itemByPath(m[1]!, m[2]!, m[3]!)],
      [
        'PUT',
        d(`/drives/${seg}/items/${seg}:/([^/]+):/content`),
        (r, m) => this.simpleUpload(r, m[1]!, m[2]!, dec(m[3]!)),
      ],
      [
        'POST',
        d(`/drives/${seg}/items/${seg}:/([^/]+):/createUploadSession`),
        (r, m) => this.createUploadSession(r, m[1]!, m[2]!, dec(m[3]!)),
      ],
      [
        'GET',
        d(`/drives/${seg}/items/${seg}`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => ok(this.itemJson(i, r))),
      ],
      [
        'GET',
        d(`/drives/${seg}/items/${seg}/children`),
        (r, m) =>
          this.withItem(m[1]!, m[2]!, (i) =>
            this.page(
              r,
              this.childrenOf(i.id).map((c) => this.itemJson(c, r)),
            ),
          ),
      ],
      [
        'POST',
        d(`/drives/${seg}/items/${seg}/children`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.createFolder(r, i)),
      ],
      [
        'GET',
        d(`/drives/${seg}/items/${seg}/content`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.contentRedirect(i)),
      ],
      [
        'PATCH',
        d(`/drives/${seg}/items/${seg}/listItem/fields`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.patchFields(r, i)),
      ],
      [
        'PATCH',
        d(`/drives/${seg}/items/${seg}/retentionLabel`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.setRetentionLabel(r, i)),
      ],
      [
        'POST',
        d(`/drives/${seg}/items/${seg}/invite`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.invite(r, i)),
      ],
      [
        'GET',
        d(`/drives/${seg}/items/${seg}/permissions`),
        (r, m) =>
          this.withItem(m[1]!, m[2]!, (i) =>
            this.page(
              r,
              this.effectivePermissions(i.id).map((p) => this.permissionJson(p)),
            ),
          ),
      ],
      [
        'DELETE',
        d(`/drives/${seg}/items/${seg}/permissions/${seg}`),
        (r, m) => this.withItem(m[1]!, m[2]!, (i) => this.deletePermission(i, dec(m[3]!))),
      ],
      // SharePoint host: upload sessions and downloads
      ['PUT', d(`/_upload/${seg}`), (r, m) => this.uploadChunk(r, m[1]!)],
      ['GET', d(`/_upload/${seg}`), (r, m) => this.sessionStatus(m[1]!)],
      ['DELETE', d(`/_upload/${seg}`), (r, m) => this.deleteSession(m[1]!)],
      ['GET', d(`/_download/${seg}`), (r, m) => this.download(m[1]!)],
    ];
  }

  // ---- $batch ----

  private batch(request: FakeRequest): FakeResponse {
    const requests = field(request.json, 'requests');
    if (!Array.isArray(requests) || requests.length === 0) {
      return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    }
    if (requests.length > 20) {
      return graphError(400, 'BadRequest', 'Unable to deserialize content. Number of requests exceeds 20.');
    }
    const statuses = new Map<string, number>();
    const responses = requests.map((raw) => {
      const sub = asRecord(raw);
      const dependsOn = Array.isArray(sub.dependsOn) ? sub.dependsOn.map(String) : [];
      if (dependsOn.some((id) => (statuses.get(id) ?? 424) >= 300)) {
        // Documented: a request whose dependency failed is not run and answers 424.
        statuses.set(String(sub.id), 424);
        const failed = graphError(424, 'failedDependency', 'A request this one depends on failed.');
        return {
          id: String(sub.id),
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: failed.body,
        };
      }
      const url = new URL(String(sub.url), `${graphRoot}/`);
      const headers = new Headers(asRecord(sub.headers) as Record<string, string>);
      const subRequest: FakeRequest = {
        method: String(sub.method).toUpperCase(),
        path: new URL(
          `${graphRoot}${String(sub.url).startsWith('/') ? '' : '/'}${String(sub.url)}`,
        ).pathname.replace(/^\/v1\.0/, ''),
        query: url.searchParams,
        headers,
        json: sub.body,
        bytes: new Uint8Array(),
        viaBatch: true,
        url,
        ...(request.delegatedUserId ? { delegatedUserId: request.delegatedUserId } : {}),
      };
      let answer = this.dispatch(subRequest);
      // A dropped connection cannot happen inside a batch: it shows as a server error there.
      if (answer.networkError)
        answer = graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.');
      statuses.set(String(sub.id), answer.status);
      return {
        id: String(sub.id),
        status: answer.status,
        headers: { 'Content-Type': 'application/json', ...answer.headers },
        body: answer.body ?? null,
      };
    });
    return ok({ responses });
  }

  // ---- paging ----

  /** One page of a collection: `$top`, but never more than the fake's page size or `largest`. */
  private page(request: FakeRequest, all: unknown[], largest = Infinity): FakeResponse {
    const top = Number(request.query.get('$top') ?? this.pageSize);
    const size = Math.max(1, Math.min(top, this.pageSize, largest));
    const token = request.query.get('$skiptoken');
    const skip = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
    const value = all.slice(skip, skip + size);
    const body: Record<string, unknown> = { '@odata.context': `${graphRoot}/$metadata`, value };
    if (skip + size < all.length) {
      const next = new URL(`${graphRoot}${request.path}`);
      request.query.forEach((v, k) => {
        if (k !== '$skiptoken') next.searchParams.set(k, v);
      });
      next.searchParams.set('$skiptoken', Buffer.from(String(skip + size)).toString('base64url'));
      body['@odata.nextLink'] = next.toString();
    }
    return ok(body);
  }

  // ---- directory ----

  /**
   * `GET /users`, paged, with the `$filter` clauses Graph answers without advanced query headers that the app
   * uses (`department eq '…'`, `accountEnabled eq true|false`, joined by `and`); any other filter is refused as
   * Graph refuses an unsupported query. `$expand=manager` (optionally with a `$select` inside) puts each user's
   * manager in the listing, and then, as Graph does for directory objects, a page holds at most 100 whatever
   * `$top` asks.
   */
  private listUsers(request: FakeRequest): FakeResponse {
    const expand = request.query.get('$expand');
    let managerFields: string[] | undefined;
    if (expand !== null) {
      const manager = /^manager(?:\(\$select=([\w,]+)\))?$/.exec(expand.trim());
      if (!manager) return graphError(400, 'Request_BadRequest', `Unsupported expand: ${expand}`);
      managerFields = manager[1]?.split(',') ?? [];
    }
    let rest = request.query.get('$filter')?.trim() ?? '';
    let users = [...this.users.values()];
    // Clause by clause from the left, so a department named "Onderzoek and Ontwikkeling" stays one value.
    while (rest) {
      const clause = /^(?:department eq '((?:[^']|'')*)'|accountEnabled eq (true|false))(?:\s+and\s+|$)/.exec(
        rest,
      );
      if (!clause) return graphError(400, 'Request_UnsupportedQuery', `Unsupported query: ${rest}`);
      const [matched, department, enabled] = clause;
      if (department !== undefined) {
        const wanted = department.replace(/''/g, "'");
        users = users.filter((u) => u.department === wanted);
      } else {
        users = users.filter((u) => (u.accountEnabled ?? true) === (enabled === 'true'));
      }
      rest = rest.slice(matched.length);
    }
    if (!managerFields) return this.page(request, users.map(userJson));
    const fields = managerFields;
    return this.page(
      request,
      users.map((u) => ({ ...userJson(u), ...this.expandedManager(u, fields) })),
      expandedPageLimit,
    );
  }

  /** A user's `manager` as `$expand` gives it: the selected fields (all without a `$select`), none without one. */
  private expandedManager(user: FakeUser, fields: string[]): Record<string, unknown> {
    const manager = user.managerId ? this.users.get(user.managerId) : undefined;
    if (!manager) return {};
    const all = userJson(manager);
    const selected = fields.length === 0 ? all : Object.fromEntries(fields.map((f) => [f, all[f] ?? null]));
    return { manager: { '@odata.type': '#microsoft.graph.user', ...selected, id: manager.id } };
  }

  private findUser(idOrUpn: string): FakeUser | undefined {
    const key = dec(idOrUpn).toLowerCase();
    return (
      this.users.get(dec(idOrUpn)) ??
      [...this.users.values()].find((u) => u.userPrincipalName.toLowerCase() === key)
    );
  }

  private withUser(id: string, request: FakeRequest, then: (user: FakeUser) => FakeResponse): FakeResponse {
    const user = this.findUser(id);
    return user ? then(user) : resourceNotFound(dec(id));
  }

  private manager(request: FakeRequest, id: string): FakeResponse {
    return this.withUser(id, request, (user) => {
      const manager = user.managerId ? this.users.get(user.managerId) : undefined;
      return manager
        ? ok({ '@odata.type': '#microsoft.graph.user', ...userJson(manager) })
        : resourceNotFound('manager');
    });
  }

  private directReports(request: FakeRequest, id: string): FakeResponse {
    return this.withUser(id, request, (user) => {
      const reports = [...this.users.values()].filter((u) => u.managerId === user.id);
      return this.page(
        request,
        reports.map((u) => ({ '@odata.type': '#microsoft.graph.user', ...userJson(u) })),
      );
    });
  }

  private checkMemberGroups(request: FakeRequest, id: string): FakeResponse {
    return this.withUser(id, request, (user) => {
      const groupIds = field(request.json, 'groupIds');
      if (!Array.isArray(groupIds) || groupIds.length > 20) {
        return graphError(400, 'Request_BadRequest', 'groupIds must hold 1 to 20 ids.');
      }
      return ok({ value: groupIds.filter((g) => this.isMember(String(g), user.id, new Set())) });
    });
  }

  private isMember(groupId: string, userId: string, seen: Set<string>): boolean {
    if (seen.has(groupId)) return false;
    seen.add(groupId);
    if (this.groups.get(groupId)?.has(userId)) return true;
    return [...(this.nestedGroups.get(groupId) ?? [])].some((nested) => this.isMember(nested, userId, seen));
  }

  // ---- calendar ----

  private createEvent(request: FakeRequest, organizer: FakeUser): FakeResponse {
    const body = asRecord(request.json);
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    if (transactionId) {
      // transactionId exists so a retried POST does not create a second event: answer with the first one.
      const existing = [...this.events.values()].find(
        (e) => e.organizerId === organizer.id && e.transactionId === transactionId,
      );
      if (existing) return ok(existing, 201);
    }
    if (!body.subject || !body.start || !body.end)
      return graphError(400, 'ErrorInvalidRequest', 'Subject, start and end are required.');
    const id = this.nextId('AAMkAD');
    const event: FakeEvent = {
      id,
      organizerId: organizer.id,
      subject: String(body.subject),
      body: asRecord(body.body) as FakeEvent['body'],
      start: asRecord(body.start) as FakeEvent['start'],
      end: asRecord(body.end) as FakeEvent['end'],
      attendees: Array.isArray(body.attendees) ? body.attendees : [],
      isOnlineMeeting: body.isOnlineMeeting === true,
      ...(typeof body.onlineMeetingProvider === 'string'
        ? { onlineMeetingProvider: body.onlineMeetingProvider }
        : {}),
      ...(body.isOnlineMeeting === true
        ? {
            onlineMeeting: {
              joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0`,
            },
          }
        : {}),
      ...(transactionId ? { transactionId } : {}),
      isCancelled: false,
    };
    this.events.set(id, event);
    return ok(event, 201);
  }

  private withEvent(
    userId: string,
    eventId: string,
    request: FakeRequest,
    then: (event: FakeEvent) => FakeResponse,
  ): FakeResponse {
    return this.withUser(userId, request, (user) => {
      const event = this.events.get(dec(eventId));
      if (!event || event.organizerId !== user.id) {
        return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      }
      return then(event);
    });
  }

  private patchEvent(request: FakeRequest, event: FakeEvent): FakeResponse {
    const body = asRecord(request.json);
    if (body.start) event.start = asRecord(body.start) as FakeEvent['start'];
    if (body.end) event.end = asRecord(body.end) as FakeEvent['end'];
    if (typeof body.subject === 'string') event.subject = body.subject;
    return ok(event);
  }

  private cancelEvent(request: FakeRequest, event: FakeEvent): FakeResponse {
    event.isCancelled = true;
    const comment = field(request.json, 'comment');
    if (typeof comment === 'string') event.cancelComment = comment;
    return { status: 202 };
  }

  private busyOf(userOrMail: string): Array<{ start: string; end: string; status?: string }> {
    const user = [...this.users.values()].find(
      (u) => u.mail?.toLowerCase() === userOrMail.toLowerCase() || u.id === userOrMail,
    );
    return user?.busy ?? [];
  }

  private getSchedule(request: FakeRequest): FakeResponse {
    const body = asRecord(request.json);
    const schedules = Array.isArray(body.schedules) ? body.schedules.map(String) : [];
    if (schedules.length === 0 || schedules.length > 100)
      return graphError(400, 'ErrorInvalidParameter', 'schedules is required.');
    const start = Date.parse(`${String(asRecord(body.startTime).dateTime)}Z`);
    const end = Date.parse(`${String(asRecord(body.endTime).dateTime)}Z`);
    const value = schedules.map((scheduleId) => {
      const user = [...this.users.values()].find((u) => u.mail?.toLowerCase() === scheduleId.toLowerCase());
      if (!user)
        return {
          scheduleId,
          error: { message: 'The requested user is not found.', responseCode: 'ErrorMailRecipientNotFound' },
        };
      const items = (user.busy ?? [])
        .filter((b) => Date.parse(b.end) > start && Date.parse(b.start) < end)
        .map((b) => ({
          isPrivate: false,
          status: b.status ?? 'busy',
          start: { dateTime: graphDateTime(b.start), timeZone: 'UTC' },
          end: { dateTime: graphDateTime(b.end), timeZone: 'UTC' },
        }));
      return {
        scheduleId,
        availabilityView: '',
        scheduleItems: items,
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'UTC' },
        },
      };
    });
    return ok({ value });
  }

  private findMeetingTimes(request: FakeRequest, pathUser: string): FakeResponse {
    // Delegated only: app-only tokens get the documented refusal.
    if (!request.delegatedUserId) {
      return graphError(
        403,
        'ErrorAccessDenied',
        'Access is denied. findMeetingTimes requires a delegated token.',
      );
    }
    const me = pathUser === 'me' ? request.delegatedUserId : this.findUser(pathUser)?.id;
    if (!me) return resourceNotFound(pathUser);
    const body = asRecord(request.json);
    const attendees = (Array.isArray(body.attendees) ? body.attendees : []).map((a) =>
      String(asRecord(asRecord(a).emailAddress).address),
    );
    const duration = parseDuration(String(body.meetingDuration ?? 'PT30M'));
    const slots = asRecord(body.timeConstraint).timeSlots;
    const max = Number(body.maxCandidates ?? 20);
    const people = [me, ...attendees];
    const suggestions: unknown[] = [];
    for (const slot of Array.isArray(slots) ? slots : []) {
      const from = Date.parse(`${String(asRecord(asRecord(slot).start).dateTime)}Z`);
      const until = Date.parse(`${String(asRecord(asRecord(slot).end).dateTime)}Z`);
      for (let t = from; t + duration <= until && suggestions.length < max; t += 30 * 60_000) {
        const free = people.every((p) =>
          this.busyOf(p).every((b) => Date.parse(b.end) <= t || Date.parse(b.start) >= t + duration),
        );
        if (free) {
          suggestions.push({
            confidence: 100,
            organizerAvailability: 'free',
            meetingTimeSlot: {
              start: { dateTime: graphDateTime(new Date(t).toISOString()), timeZone: 'UTC' },
              end: { dateTime: graphDateTime(new Date(t + duration).toISOString()), timeZone: 'UTC' },
            },
          });
        }
      }
    }
    return ok({
      emptySuggestionsReason: suggestions.length ? '' : 'attendeesUnavailable',
      meetingTimeSuggestions: suggestions,
    });
  }

  // ---- to do ----

  private listsOf(userId: string): FakeTodoList[] {
    let lists = this.todo.get(userId);
    if (!lists) {
      lists = [
        {
          id: this.nextId('AQMkTasks'),
          displayName: 'Taken',
          wellknownListName: 'defaultList',
          tasks: new Map(),
        },
      ];
      this.todo.set(userId, lists);
    }
    return lists;
  }

  private createList(request: FakeRequest, userId: string): FakeResponse {
    const displayName = field(request.json, 'displayName');
    if (typeof displayName !== 'string' || !displayName)
      return graphError(400, 'invalidRequest', 'displayName is required.');
    const list: FakeTodoList = {
      id: this.nextId('AQMkList'),
      displayName,
      wellknownListName: 'none',
      tasks: new Map(),
    };
    this.listsOf(userId).push(list);
    return ok(listJson(list), 201);
  }

  private withList(
    userId: string,
    listId: string,
    request: FakeRequest,
    then: (list: FakeTodoList) => FakeResponse,
  ): FakeResponse {
    return this.withUser(userId, request, (user) => {
      const list = this.listsOf(user.id).find((l) => l.id === dec(listId));
      return list
        ? then(list)
        : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    });
  }

  private withTask(
    userId: string,
    listId: string,
    taskId: string,
    request: FakeRequest,
    then: (task: Record<string, unknown>) => FakeResponse,
  ): FakeResponse {
    return this.withList(userId, listId, request, (list) => {
      const task = list.tasks.get(dec(taskId));
      return task
        ? then(task)
        : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    });
  }

  private createTask(request: FakeRequest, list: FakeTodoList): FakeResponse {
    const body = asRecord(request.json);
    if (typeof body.title !== 'string' || !body.title)
      return graphError(400, 'invalidRequest', 'title is required.');
    const id = this.nextId('AAMkTask');
    const linkedResources = (Array.isArray(body.linkedResources) ? body.linkedResources : []).map((r) => ({
      id: this.nextId('lr'),
      ...asRecord(r),
    }));
    const task: Record<string, unknown> = {
      id,
      status: 'notStarted',
      importance: 'normal',
      createdDateTime: new Date().toISOString(),
      ...body,
      linkedResources,
    };
    list.tasks.set(id, task);
    return ok(task, 201);
  }

  private patchTask(request: FakeRequest, task: Record<string, unknown>): FakeResponse {
    const body = asRecord(request.json);
    const allowed = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'];
    if (body.status !== undefined && !allowed.includes(String(body.status))) {
      return graphError(400, 'invalidRequest', `Invalid status '${String(body.status)}'.`);
    }
    Object.assign(task, body);
    if (body.status === 'completed')
      task.completedDateTime = { dateTime: graphDateTime(new Date().toISOString()), timeZone: 'UTC' };
    return ok(task);
  }

  // ---- teamwork ----

  private listInstalledApps(request: FakeRequest, userId: string): FakeResponse {
    const apps = this.installedApps.get(userId) ?? [];
    const filter = request.query.get('$filter') ?? '';
    const wanted = /teamsApp\/id eq '([^']+)'/.exec(filter)?.[1];
    const selected = wanted ? apps.filter((a) => a.teamsAppId === wanted) : apps;
    return this.page(
      request,
      selected.map((a) => ({ id: a.id, teamsApp: { id: a.teamsAppId, displayName: 'Gesprekscyclus' } })),
    );
  }

  private installApp(request: FakeRequest, userId: string): FakeResponse {
    const bind = field(request.json, 'teamsApp@odata.bind');
    const teamsAppId = typeof bind === 'string' ? /teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
    if (!teamsAppId) return graphError(400, 'BadRequest', 'teamsApp@odata.bind is required.');
    const apps = this.installedApps.get(userId) ?? [];
    if (apps.some((a) => a.teamsAppId === teamsAppId))
      return graphError(409, 'Conflict', 'App is already installed.');
    const id = this.nextId('installed');
    apps.push({ id, teamsAppId, chatId: `19:${userId}_${teamsAppId}@unq.gbl.spaces` });
    this.installedApps.set(userId, apps);
    return { status: 201 };
  }

  private installedChat(userId: string, installId: string): FakeResponse {
    const app = (this.installedApps.get(dec(userId)) ?? []).find((a) => a.id === dec(installId));
    return app
      ? ok({ id: app.chatId, chatType: 'oneOnOne' })
      : graphError(404, 'NotFound', 'The app installation was not found.');
  }

  /** Adds a message to a chat, as Teams does when a bot posts one (with its cards as JSON strings). */
  addBotMessage(chatId: string, botId: string, cards: unknown[], createdDateTime = new Date().toISOString()) {
    return this.addChatMessage(chatId, createdDateTime, (id) => ({
      from: { application: { id: botId, applicationIdentityType: 'bot' }, user: null },
      body: {
        contentType: 'html',
        content: cards.map((_, i) => `<attachment id="${id}-${i}"></attachment>`).join(''),
      },
      attachments: cards.map((card, i) => ({
        id: `${id}-${i}`,
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: JSON.stringify(card),
      })),
    }));
  }

  /** Adds a person's own message to a chat. */
  addUserMessage(chatId: string, userId: string, text: string, createdDateTime = new Date().toISOString()) {
    return this.addChatMessage(chatId, createdDateTime, () => ({
      from: { application: null, user: { id: userId } },
      body: { contentType: 'text', content: text },
      attachments: [],
    }));
  }

  /** Appends a message with an id like Teams' (its time in microseconds); returns the id. */
  private addChatMessage(
    chatId: string,
    createdDateTime: string,
    content: (id: string) => Pick<FakeChatMessage, 'from' | 'body' | 'attachments'>,
  ): string {
    const messages = this.chatMessages.get(chatId) ?? [];
    const id = String(Date.parse(createdDateTime) * 1000 + messages.length);
    messages.push({ id, createdDateTime, messageType: 'message', ...content(id) });
    this.chatMessages.set(chatId, messages);
    return id;
  }

  /**
   * `GET /chats/{id}/messages`: newest first by `lastModifiedDateTime` (the default) or `createdDateTime desc`, at
   * most 50 a page as documented; ascending order and a larger `$top` are refused as Graph refuses them.
   */
  private listChatMessages(request: FakeRequest, chatId: string): FakeResponse {
    const known = [...this.installedApps.values()].flat().some((a) => a.chatId === chatId);
    if (!known && !this.chatMessages.has(chatId))
      return graphError(404, 'NotFound', `Chat ${chatId} was not found.`);
    const top = Number(request.query.get('$top') ?? 20);
    if (!(top >= 1 && top <= 50)) return graphError(400, 'BadRequest', 'Maximum allowed $top value is 50.');
    const orderby = request.query.get('$orderby');
    if (orderby !== null && !/^(createdDateTime|lastModifiedDateTime) desc$/.test(orderby))
      return graphError(400, 'BadRequest', `$orderby ${orderby} is not supported.`);
    const messages = [...(this.chatMessages.get(chatId) ?? [])].sort((a, b) =>
      b.createdDateTime.localeCompare(a.createdDateTime),
    );
    return this.page(request, messages, 50);
  }

  private sendActivity(request: FakeRequest, userId: string): FakeResponse {
    const body = asRecord(request.json);
    if (!body.topic || !body.activityType || !body.previewText)
      return graphError(400, 'BadRequest', 'topic, activityType and previewText are required.');
    if (!(this.installedApps.get(userId) ?? []).length) {
      return graphError(
        403,
        'Forbidden',
        'The app must be installed for the recipient to send activity notifications.',
      );
    }
    this.activityNotifications.push({ userId, body });
    return noContent();
  }

  // ---- drives ----

  private newItem(
    driveId: string,
    name: string,
    parentId: string | undefined,
    isFolder: boolean,
    content: Uint8Array = new Uint8Array(),
    mimeType?: string,
  ): FakeDriveItem {
    const item: FakeDriveItem = {
      id: this.nextId('01DRIVEITEM'),
      driveId,
      name,
      parentId,
      isFolder,
      content,
      ...(mimeType ? { mimeType } : {}),
      fields: {},
      permissions: [],
      inheritsPermissions: true,
      createdDateTime: new Date(this.now()).toISOString(),
    };
    this.items.set(item.id, item);
    return item;
  }

  private pathOf(item: FakeDriveItem): string {
    const names: string[] = [];
    let current: FakeDriveItem | undefined = item;
    while (current?.parentId) {
      names.unshift(current.name);
      current = this.items.get(current.parentId);
    }
    return names.join('/');
  }

  private itemJson(item: FakeDriveItem, request?: FakeRequest): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: item.id,
      name: item.name,
      eTag: `"{${item.id}},1"`,
      createdDateTime: item.createdDateTime,
      webUrl: `${sharePointHost}/sites/hr/Personeelsdossier/${this.pathOf(item).split('/').map(encodeURIComponent).join('/')}`,
      size: item.content.length,
      parentReference: { driveId: item.driveId, id: item.parentId },
      ...(item.isFolder
        ? { folder: { childCount: this.childrenOf(item.id).length } }
        : { file: { mimeType: item.mimeType ?? 'application/octet-stream' } }),
    };
    const expand = request?.query.get('$expand') ?? '';
    if (expand.includes('listItem')) {
      json.listItem = { id: item.id, ...(expand.includes('fields') ? { fields: { ...item.fields } } : {}) };
    }
    return json;
  }

  private withItem(
    driveId: string,
    itemId: string,
    then: (item: FakeDriveItem) => FakeResponse,
  ): FakeResponse {
    const drive = this.drives.get(dec(driveId));
    if (!drive) return itemNotFound('The drive could not be found.');
    const id = dec(itemId) === 'root' ? drive.rootId : dec(itemId);
    const item = this.items.get(id);
    return item && item.driveId === dec(driveId)
      ? then(item)
      : itemNotFound('The resource could not be found.');
  }

  private itemByPath(driveId: string, baseId: string | undefined, path: string): FakeResponse {
    return this.withItem(driveId, baseId ?? 'root', (base) => {
      let current: FakeDriveItem | undefined = base;
      for (const name of path.split('/').filter(Boolean).map(dec)) {
        current = current ? this.childNamed(current.id, name) : undefined;
      }
      return current ? ok(this.itemJson(current)) : itemNotFound('The resource could not be found.');
    });
  }

  private createFolder(request: FakeRequest, parent: FakeDriveItem): FakeResponse {
    const body = asRecord(request.json);
    const name = body.name;
    if (typeof name !== 'string' || !name || !body.folder)
      return graphError(400, 'invalidRequest', 'name and folder are required.');
    const existing = this.childNamed(parent.id, name);
    const behavior = String(body['@microsoft.graph.conflictBehavior'] ?? 'fail');
    if (existing) {
      if (behavior === 'fail')
        return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
      if (behavior === 'replace') this.items.delete(existing.id);
    }
    const finalName = existing && behavior === 'rename' ? this.freeName(parent.id, name) : name;
    return ok(this.itemJson(this.newItem(parent.driveId, finalName, parent.id, true)), 201);
  }

  private freeName(parentId: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let i = 1; ; i++) {
      const candidate = `${stem} ${i}${ext}`;
      if (!this.childNamed(parentId, candidate)) return candidate;
    }
  }

  /** Creates (or replaces, per conflict behaviour) a file; answers like Graph does. */
  private commitFile(
    driveId: string,
    parent: FakeDriveItem,
    name: string,
    behavior: string,
    content: Uint8Array,
    mimeType?: string,
  ): FakeResponse {
    const existing = this.childNamed(parent.id, name);
    if (existing && behavior === 'fail') {
      return graphError(409, 'nameAlreadyExists', `The specified item name already exists. Name: ${name}`);
    }
    if (existing && behavior === 'replace') {
      existing.content = content;
      return ok(this.itemJson(existing), 200);
    }
    const finalName = existing ? this.freeName(parent.id, name) : name;
    const item = this.newItem(driveId, finalName, parent.id, false, content, mimeType);
    this.fileCreations.push({ itemId: item.id, parentId: parent.id, name: finalName, size: content.length });
    return ok(this.itemJson(item), 201);
  }

  private simpleUpload(request: FakeRequest, driveId: string, parentId: string, name: string): FakeResponse {
    return this.withItem(driveId, parentId, (parent) => {
      if (request.bytes.length > this.simpleUploadLimit) {
        return graphError(
          413,
          'requestTooLarge',
          'Use an upload session for files above the simple upload limit.',
        );
      }
      const behavior = request.query.get('@microsoft.graph.conflictBehavior') ?? 'replace';
      return this.commitFile(
        dec(driveId),
        parent,
        name,
        behavior,
        request.bytes.slice(),
        request.headers.get('Content-Type') ?? undefined,
      );
    });
  }

  private createUploadSession(
    request: FakeRequest,
    driveId: string,
    parentId: string,
    name: string,
  ): FakeResponse {
    return this.withItem(driveId, parentId, (parent) => {
      const item = asRecord(field(request.json, 'item'));
      const behavior = String(item['@microsoft.graph.conflictBehavior'] ?? 'replace');
      if (behavior === 'fail' && this.childNamed(parent.id, name)) {
        return graphError(409, 'nameAlreadyExists', `The specified item name already exists. Name: ${name}`);
      }
      const id = this.nextId('session');
      const session: UploadSession = {
        id,
        driveId: dec(driveId),
        parentId: parent.id,
        name,
        conflictBehavior: behavior,
        expiresAt: this.now() + this.uploadSessionLifetimeMs,
        received: [],
        receivedBytes: 0,
      };
      this.sessions.set(id, session);
      return ok({
        uploadUrl: `${sharePointHost}/_upload/${id}`,
        expirationDateTime: new Date(session.expiresAt).toISOString(),
        nextExpectedRanges: ['0-'],
      });
    });
  }

  private liveSession(id: string): UploadSession | undefined {
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  private uploadChunk(request: FakeRequest, id: string): FakeResponse {
    const session = this.liveSession(id);
    if (!session) return itemNotFound('The upload session was not found or has expired.');
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers.get('Content-Range') ?? '');
    if (!range) return graphError(400, 'invalidRequest', 'Content-Range header is required.');
    const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const length = to - from + 1;
    if (request.bytes.length !== length)
      return graphError(400, 'invalidRequest', 'Content-Length does not match Content-Range.');
    if (session.totalSize !== undefined && session.totalSize !== total)
      return graphError(400, 'invalidRequest', 'The total size changed.');
    if (from !== session.receivedBytes) {
      return graphError(416, 'invalidRange', `Fragment overlap or gap: expected ${session.receivedBytes}-.`);
    }
    const last = to === total - 1;
    if (!last && length % uploadChunkUnit !== 0) {
      return graphError(400, 'invalidRange', 'Fragments must be a multiple of 320 KiB.');
    }
    session.totalSize = total;
    session.received.push(request.bytes.slice());
    session.receivedBytes += length;
    if (!last) {
      return ok(
        {
          expirationDateTime: new Date(session.expiresAt).toISOString(),
          nextExpectedRanges: [`${session.receivedBytes}-`],
        },
        202,
      );
    }
    this.sessions.delete(id);
    const parent = this.items.get(session.parentId);
    if (!parent) return itemNotFound();
    const content = new Uint8Array(total);
    let offset = 0;
    for (const part of session.received) {
      content.set(part, offset);
      offset += part.length;
    }
    return this.commitFile(
      session.driveId,
      parent,
      session.name,
      session.conflictBehavior,
      content,
      'application/pdf',
    );
  }

  private sessionStatus(id: string): FakeResponse {
    const session = this.liveSession(id);
    if (!session) return itemNotFound('The upload session was not found or has expired.');
    return ok({
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: [`${session.receivedBytes}-`],
    });
  }

  private deleteSession(id: string): FakeResponse {
    this.sessions.delete(id);
    return noContent();
  }

  /** Open upload sessions (for assertions). */
  get openSessions(): number {
    return this.sessions.size;
  }

  private contentRedirect(item: FakeDriveItem): FakeResponse {
    if (item.isFolder) return graphError(400, 'invalidRequest', 'A folder has no content.');
    return { status: 302, headers: { Location: `${sharePointHost}/_download/${item.id}` } };
  }

  private download(id: string): FakeResponse {
    const item = this.items.get(dec(id));
    return item
      ? {
          status: 200,
          bytes: item.content,
          headers: { 'Content-Type': item.mimeType ?? 'application/octet-stream' },
        }
      : itemNotFound();
  }

  private patchFields(request: FakeRequest, item: FakeDriveItem): FakeResponse {
    const columns = this.drives.get(item.driveId)?.columns ?? new Set<string>();
    const body = asRecord(request.json);
    const unknown = Object.keys(body).find((key) => !columns.has(key));
    if (unknown) return graphError(400, 'invalidRequest', `Field '${unknown}' is not recognized`);
    Object.assign(item.fields, body);
    return ok({ id: item.id, ...item.fields });
  }

  private setRetentionLabel(request: FakeRequest, item: FakeDriveItem): FakeResponse {
    const name = field(request.json, 'name');
    if (typeof name !== 'string' || !name) return graphError(400, 'invalidRequest', 'name is required.');
    item.retentionLabel = name;
    return ok({ name, isLabelAppliedExplicitly: true, labelAppliedDateTime: new Date().toISOString() });
  }

  private invite(request: FakeRequest, item: FakeDriveItem): FakeResponse {
    const body = asRecord(request.json);
    const recipients = Array.isArray(body.recipients) ? body.recipients.map(asRecord) : [];
    const roles = Array.isArray(body.roles) ? body.roles.map(String) : [];
    if (recipients.length === 0 || roles.length === 0)
      return graphError(400, 'invalidRequest', 'recipients and roles are required.');
    if (body.requireSignIn !== true && body.sendInvitation === false) {
      return graphError(400, 'invalidRequest', 'requireSignIn must be true when no invitation is sent.');
    }
    if (item.parentId === undefined)
      return graphError(400, 'invalidRequest', 'Share items in the library, not its root.');
    if (item.inheritsPermissions) {
      // The first share breaks inheritance: the inherited permissions become the item's own, or go.
      const keep = body.retainInheritedPermissions !== false;
      const inherited = this.effectivePermissions(item.id).filter((p) => p.inheritedFrom !== undefined);
      item.inheritsPermissions = false;
      if (keep) {
        for (const { id: _id, inheritedFrom: _from, ...p } of inherited)
          item.permissions.push({ ...p, id: this.nextId('perm') });
      }
    }
    const created = recipients.map((recipient) => {
      const existing = item.permissions.find(
        (p) => JSON.stringify(p.recipient) === JSON.stringify(recipient) && p.roles.join() === roles.join(),
      );
      if (existing) return existing;
      const permission = { id: this.nextId('perm'), roles, recipient };
      item.permissions.push(permission);
      return permission;
    });
    return ok({ value: created.map((p) => this.permissionJson({ ...p, inheritedFrom: undefined })) });
  }

  /** Graph's rule: only a permission set on the item itself can be removed, never an inherited one. */
  private deletePermission(item: FakeDriveItem, permissionId: string): FakeResponse {
    const index = item.permissions.findIndex((p) => p.id === permissionId);
    if (index >= 0) {
      item.permissions.splice(index, 1);
      return noContent();
    }
    if (this.effectivePermissions(item.id).some((p) => p.id === permissionId))
      return graphError(
        400,
        'invalidRequest',
        'Only sharing permissions that are not inherited can be deleted.',
      );
    return itemNotFound('The permission could not be found.');
  }

  /** A permission as Graph lists it: to a user or a group, and where it is inherited from. */
  private permissionJson(permission: EffectivePermission): Record<string, unknown> {
    const objectId = permission.recipient.objectId;
    const id = objectId ?? permission.recipient.email;
    const grantee =
      typeof objectId === 'string' && this.groups.has(objectId) ? { group: { id } } : { user: { id } };
    const from = permission.inheritedFrom;
    return {
      id: permission.id,
      roles: permission.roles,
      grantedToV2: grantee,
      ...('user' in grantee ? { grantedTo: grantee } : {}),
      ...(from
        ? { inheritedFrom: { driveId: from.driveId, id: from.id, path: `/${this.pathOf(from)}` } }
        : {}),
    };
  }
}

// ---- JSON shapes ------------------------------------------------------------------------------------------------

function userJson(user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    mail: user.mail ?? null,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    preferredLanguage: user.preferredLanguage ?? null,
  };
}

function mailboxSettings(user: FakeUser): Record<string, unknown> {
  const replies = user.automaticReplies ?? { status: 'disabled' as const };
  return {
    timeZone: 'W. Europe Standard Time',
    language: { locale: user.preferredLanguage ?? 'nl-NL', displayName: 'Nederlands (Nederland)' },
    automaticRepliesSetting: {
      status: replies.status,
      externalAudience: 'none',
      internalReplyMessage: replies.message ?? '',
      externalReplyMessage: '',
      scheduledStartDateTime: {
        dateTime: replies.start ? graphDateTime(replies.start) : '2020-01-01T00:00:00.0000000',
        timeZone: 'UTC',
      },
      scheduledEndDateTime: {
        dateTime: replies.end ? graphDateTime(replies.end) : '2020-01-02T00:00:00.0000000',
        timeZone: 'UTC',
      },
    },
  };
}

function listJson(list: FakeTodoList): Record<string, unknown> {
  return {
    id: list.id,
    displayName: list.displayName,
    isOwner: true,
    isShared: false,
    wellknownListName: list.wellknownListName,
  };
}

function taskJson(task: Record<string, unknown>, request: FakeRequest): Record<string, unknown> {
  // linkedResources is a navigation property: only there with $expand.
  if ((request.query.get('$expand') ?? '').includes('linkedResources')) return task;
  const { linkedResources: _omitted, ...rest } = task;
  return rest;
}

/** Graph's dateTimeTimeZone string: no offset, seven fraction digits. */
export function graphDateTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}.0000000`;
}

function parseDuration(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  return (Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0)) * 60_000;
}

function dec(segment: string): string {
  return decodeURIComponent(segment);
}

function toResponse(response: FakeResponse): Response {
  if (response.networkError) return HttpResponse.error();
  const headers = new Headers(response.headers);
  if (response.bytes) {
    return new HttpResponse(response.bytes, { status: response.status, headers });
  }
  if (response.body === undefined || response.status === 204) {
    return new HttpResponse(null, { status: response.status, headers });
  }
  headers.set('Content-Type', 'application/json');
  return new HttpResponse(JSON.stringify(response.body), { status: response.status, headers });
}

/** A fake Graph seeded with a small organisation and the personnel library, listening. */
export function startFakeGraph(): FakeGraph {
  const fake = new FakeGraph();
  fake.listen();
  return fake;
}
