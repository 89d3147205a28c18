/** The demo organisation as the Directory port: people, managers, HR and absences from a JSON file. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Directory, DirectoryUser, ListedUser, OutOfOffice, UserFilter } from '../../ports/index.js';

const organisationSchema = z.object({
  organisation: z.object({ name: z.string(), tenantId: z.string() }),
  hrGroup: z.array(z.string()),
  users: z.array(
    z.object({
      id: z.string().min(1),
      displayName: z.string().min(1),
      email: z.string(),
      jobTitle: z.string().optional(),
      department: z.string().optional(),
      managerId: z.string().optional(),
      locale: z.string().optional(),
    }),
  ),
  outOfOffice: z
    .record(
      z.string(),
      z.object({ active: z.boolean(), until: z.string().optional(), message: z.string().optional() }),
    )
    .default({}),
});

/** The demo organisation file's shape. */
export type DemoOrganisation = z.infer<typeof organisationSchema>;

/** Reads and checks a demo organisation file. */
export function readDemoOrganisation(path: string): DemoOrganisation {
  const parsed = organisationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid demo organisation ${path}: ${parsed.error.message}`);
  return parsed.data;
}

/** A directory backed by the demo organisation file: for local runs and tests. */
export class LocalDirectory implements Directory {
  private readonly users: Map<string, DemoOrganisation['users'][number]>;
  private readonly outOfOfficeById: Map<string, OutOfOffice>;

  constructor(private readonly organisation: DemoOrganisation) {
    this.users = new Map(organisation.users.map((u) => [u.id, u]));
    this.outOfOfficeById = new Map(Object.entries(organisation.outOfOffice));
  }

  get organisationName(): string {
    return this.organisation.organisation.name;
  }

  private present(id: string | undefined): DirectoryUser | undefined {
    const user = id ? this.users.get(id) : undefined;
    if (!user) return undefined;
    const { managerId: _managerId, ...rest } = user;
    return rest;
  }

  async getUser(id: string): Promise<DirectoryUser | undefined> {
    return this.present(id);
  }

  async managerOf(id: string): Promise<DirectoryUser | undefined> {
    return this.present(this.users.get(id)?.managerId);
  }

  async directReports(id: string): Promise<DirectoryUser[]> {
    return [...this.users.values()]
      .filter((u) => u.managerId === id)
      .map((u) => this.present(u.id) as DirectoryUser);
  }

  async isHr(id: string): Promise<boolean> {
    return this.organisation.hrGroup.includes(id);
  }

  async outOfOffice(id: string): Promise<OutOfOffice> {
    return this.outOfOfficeById.get(id) ?? { active: false };
  }

  async listUsers(filter: UserFilter = {}): Promise<DirectoryUser[]> {
    return (await this.listUsersWithManagers(filter)).map((listed) => listed.user);
  }

  async listUsersWithManagers(filter: UserFilter = {}): Promise<ListedUser[]> {
    return (
      [...this.users.values()]
        .filter((u) => !filter.department || u.department === filter.department)
        // As `managerOf` answers: a manager id the file does not know is no manager.
        .map((u) => ({ user: this.present(u.id) as DirectoryUser, managerId: this.present(u.managerId)?.id }))
    );
  }

  /** Moves an employee to another manager (reorganisations; used to prove access follows the org chart). */
  setManager(id: string, managerId: string): void {
    const user = this.users.get(id);
    if (!user) throw new Error(`Unknown user ${id}`);
    this.users.set(id, { ...user, managerId });
  }

  /** Sets someone's automatic replies, as Outlook would. */
  setOutOfOffice(id: string, value: OutOfOffice): void {
    this.outOfOfficeById.set(id, value);
  }
}
