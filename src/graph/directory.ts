/**
 * The organisation's directory from Microsoft Graph: users, managers, direct reports, HR membership and
 * out-of-office. Results are cached for a short TTL; manager rights are decided from this on the server.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Directory, DirectoryUser, ListedUser, OutOfOffice, UserFilter } from '../ports/index.js';
import { isNotFound } from './graph-errors.js';
import { collectPages, type GraphPage } from './paging.js';
import { TtlCache } from './ttl-cache.js';
import { parseDateTimeTimeZone, type DateTimeTimeZone } from './date-time.js';

/** The user properties we read. */
export const userSelect = 'id,displayName,mail,userPrincipalName,jobTitle,department,preferredLanguage';

/** A user (or other directory object) as Graph returns it. */
export interface GraphUser {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  preferredLanguage?: string | null;
}

/** A user from a listing with `$expand=manager($select=id)`. */
interface GraphUserWithManager extends GraphUser {
  manager?: { id: string } | null;
}

interface MailboxSettings {
  automaticRepliesSetting?: {
    status?: 'disabled' | 'alwaysEnabled' | 'scheduled';
    internalReplyMessage?: string;
    scheduledStartDateTime?: DateTimeTimeZone;
    scheduledEndDateTime?: DateTimeTimeZone;
  };
}

/** Options of the Graph directory. */
export interface GraphDirectoryOptions {
  client: Client;
  hrGroupId: string;
  cacheTtlMs: number;
  /** Clock for the cache and for "is the scheduled out-of-office active now"; injectable for tests. */
  now?: () => number;
}

/** `Directory` on Microsoft Graph (application permissions User.Read.All, GroupMember.Read.All, MailboxSettings.Read). */
export class GraphDirectory implements Directory {
  private readonly client: Client;
  private readonly now: () => number;
  private readonly users: TtlCache<DirectoryUser | undefined>;
  private readonly managers: TtlCache<DirectoryUser | undefined>;
  private readonly reports: TtlCache<DirectoryUser[]>;
  private readonly hr: TtlCache<boolean>;
  private readonly absence: TtlCache<OutOfOffice>;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.client = options.client;
    this.now = options.now ?? (() => Date.now());
    const cache = <T>() => new TtlCache<T>(options.cacheTtlMs, this.now);
    this.users = cache();
    this.managers = cache();
    this.reports = cache();
    this.hr = cache();
    this.absence = cache();
  }

  getUser(id: string): Promise<DirectoryUser | undefined> {
    return this.users.get(id, async () => {
      try {
        const user = (await this.client
          .api(`/users/${encodeURIComponent(id)}`)
          .select(userSelect)
          .get()) as GraphUser;
        return toDirectoryUser(user);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    });
  }

  managerOf(id: string): Promise<DirectoryUser | undefined> {
    return this.managers.get(id, async () => {
      try {
        const manager = (await this.client
          .api(`/users/${encodeURIComponent(id)}/manager`)
          .select(userSelect)
          .get()) as GraphUser;
        return toDirectoryUser(manager);
      } catch (error) {
        // No manager set (or no such user): Graph answers 404.
        if (isNotFound(error)) return undefined;
        throw error;
      }
    });
  }

  directReports(id: string): Promise<DirectoryUser[]> {
    return this.reports.get(id, async () => {
      try {
        const all = await collectPages<GraphUser>(
          this.client,
          () =>
            this.client
              .api(`/users/${encodeURIComponent(id)}/directReports`)
              .select(userSelect)
              .get() as Promise<GraphPage<GraphUser>>,
        );
        // directReports may hold org contacts too; only users can have conversations.
        return all.filter(isUser).map(toDirectoryUser);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    });
  }

  isHr(id: string): Promise<boolean> {
    return this.hr.get(id, async () => {
      try {
        // checkMemberGroups is transitive: members of nested groups count.
        const result = (await this.client
          .api(`/users/${encodeURIComponent(id)}/checkMemberGroups`)
          .post({ groupIds: [this.options.hrGroupId] })) as { value: string[] };
        return result.value.includes(this.options.hrGroupId);
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    });
  }

  outOfOffice(id: string): Promise<OutOfOffice> {
    return this.absence.get(id, async () => {
      const settings = (await this.client
        .api(`/users/${encodeURIComponent(id)}/mailboxSettings`)
        .select('automaticRepliesSetting')
        .get()) as MailboxSettings;
      return outOfOfficeFrom(settings, this.now());
    });
  }

  /**
   * Every user with an enabled account (someone who left is not invited to a round), page after page along
   * `@odata.nextLink`: a round for everyone in an organisation of thousands needs all of them, not Graph's first
   * page. A department is filtered by Graph itself (`department eq`, which needs no advanced query headers).
   */
  async listUsers(filter: UserFilter = {}): Promise<DirectoryUser[]> {
    const users = await collectPages<GraphUser>(
      this.client,
      () =>
        this.client
          .api('/users')
          .select(userSelect)
          .filter(usersFilter(filter))
          .top(usersPageSize)
          .get() as Promise<GraphPage<GraphUser>>,
    );
    return users.map(toDirectoryUser);
  }

  /**
   * The same users with their manager's id, expanded in the listing (`$expand=manager($select=id)`): a round for
   * thousands takes a page per 100 people instead of one manager question per person. Graph gives at most 100 a
   * page once `$expand` is used, whatever `$top` asks. The manager may be an organisational contact, as
   * `managerOf` would answer too.
   */
  async listUsersWithManagers(filter: UserFilter = {}): Promise<ListedUser[]> {
    const users = await collectPages<GraphUserWithManager>(
      this.client,
      () =>
        this.client
          .api('/users')
          .select(userSelect)
          .expand('manager($select=id)')
          .filter(usersFilter(filter))
          .top(expandedUsersPageSize)
          .get() as Promise<GraphPage<GraphUserWithManager>>,
    );
    // Someone without a manager has no `manager` in the answer (or null).
    return users.map((u) => ({ user: toDirectoryUser(u), managerId: u.manager?.id ?? undefined }));
  }
}

/** Enabled accounts, of one department when asked; clauses Graph answers without advanced query headers. */
function usersFilter(filter: UserFilter): string {
  const clauses = ['accountEnabled eq true'];
  if (filter.department) clauses.unshift(`department eq ${filterLiteral(filter.department)}`);
  return clauses.join(' and ');
}

/** The largest page `GET /users` gives (Graph answers 100 by default). */
export const usersPageSize = 999;

/** The largest page `GET /users` gives with `$expand` (a documented limit of directory objects). */
export const expandedUsersPageSize = 100;

/**
 * A string literal for a `$filter`: single quotes doubled (OData), then percent-encoded, because the SDK puts
 * query options into the URL as they are — an `&` or `#` in a department's name would otherwise end the filter.
 */
export function filterLiteral(value: string): string {
  return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
}

function isUser(object: GraphUser): boolean {
  return object['@odata.type'] === undefined || object['@odata.type'] === '#microsoft.graph.user';
}

/** Maps a Graph user to the port's shape (mail falls back to the UPN, which is the sign-in address). */
export function toDirectoryUser(user: GraphUser): DirectoryUser {
  return {
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    email: user.mail ?? user.userPrincipalName ?? '',
    ...(user.jobTitle ? { jobTitle: user.jobTitle } : {}),
    ...(user.department ? { department: user.department } : {}),
    ...(user.preferredLanguage ? { locale: user.preferredLanguage } : {}),
  };
}

/** Reads automatic replies: `alwaysEnabled` is open-ended; `scheduled` is active only inside its window. */
export function outOfOfficeFrom(settings: MailboxSettings, now: number): OutOfOffice {
  const replies = settings.automaticRepliesSetting;
  const message = replies?.internalReplyMessage ? { message: replies.internalReplyMessage } : {};
  if (replies?.status === 'alwaysEnabled') return { active: true, ...message };
  if (replies?.status === 'scheduled' && replies.scheduledStartDateTime && replies.scheduledEndDateTime) {
    const start = parseDateTimeTimeZone(replies.scheduledStartDateTime);
    const end = parseDateTimeTimeZone(replies.scheduledEndDateTime);
    if (start !== undefined && end !== undefined && start <= now && now < end) {
      return { active: true, until: new Date(end).toISOString(), ...message };
    }
  }
  return { active: false };
}
