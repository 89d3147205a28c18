/** The Graph directory against the fake Graph: people, paging, departments and round audiences. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { AppContext } from '../../src/app/context.js';
import { resolveAudience } from '../../src/app/commands/round-audience.js';
import { noDepartment } from '../../src/domain/index.js';
import { GraphDirectory, outOfOfficeFrom } from '../../src/graph/directory.js';
import type { DirectoryUser } from '../../src/ports/index.js';
import { testClient, useFakeGraph } from './harness.js';

let clock: number;
const fake = useFakeGraph((fake) => {
  fake.addUser({
    id: 'jeroen',
    displayName: 'Jeroen de Vries',
    jobTitle: 'Teamleider',
    preferredLanguage: 'nl-NL',
  });
  fake.addUser({ id: 'anna', displayName: 'Anna Bakker' });
  for (const name of ['fatima', 'sem', 'lotte', 'daan', 'noor']) {
    fake.addUser({ id: name, displayName: name.toUpperCase(), managerId: 'jeroen', department: 'Zorg' });
  }
  fake.addGroup('hr-group', [], ['hr-nested']);
  fake.addGroup('hr-nested', ['anna']);
});
beforeEach(() => {
  clock = Date.parse('2026-11-20T10:00:00Z');
});

function directory(ttlMs = 60_000): GraphDirectory {
  return new GraphDirectory({
    client: testClient(),
    hrGroupId: 'hr-group',
    cacheTtlMs: ttlMs,
    now: () => clock,
  });
}

afterEach(() => fake.faults.clear());

describe('GraphDirectory', () => {
  it('reads a user and maps mail, job title and locale', async () => {
    const user = await directory().getUser('jeroen');
    expect(user).toEqual({
      id: 'jeroen',
      displayName: 'Jeroen de Vries',
      email: 'jeroen@contoso.nl',
      jobTitle: 'Teamleider',
      locale: 'nl-NL',
    });
  });

  it('answers undefined for an unknown user and for someone without a manager', async () => {
    const dir = directory();
    expect(await dir.getUser('nobody')).toBeUndefined();
    expect(await dir.managerOf('jeroen')).toBeUndefined();
    expect((await dir.managerOf('fatima'))?.id).toBe('jeroen');
  });

  it('follows @odata.nextLink through every page of direct reports', async () => {
    const reports = await directory().directReports('jeroen');
    expect(reports.map((r) => r.id).sort()).toEqual(['daan', 'fatima', 'lotte', 'noor', 'sem']);
    // Five reports with a page size of two: three requests.
    expect(fake.count('GET', /^\/users\/jeroen\/directReports$/)).toBe(3);
  });

  it('lists every enabled user along @odata.nextLink, not only the first page', async () => {
    fake.addUser({ id: 'gone', displayName: 'Left Last Year', managerId: 'jeroen', accountEnabled: false });
    const users = await directory().listUsers();
    expect(users.map((u) => u.id).sort()).toEqual([
      'anna',
      'daan',
      'fatima',
      'jeroen',
      'lotte',
      'noor',
      'sem',
    ]);
    // Eight users, one switched off, two a page (the fake filters before it pages): four requests.
    expect(fake.count('GET', /^\/users$/)).toBe(4);
  });

  it('lets Graph filter a department, a quote in its name included, and pages through it', async () => {
    for (const id of ['ruben', 'esther', 'mila']) {
      fake.addUser({ id, displayName: id, managerId: 'anna', department: "Zorg & 't Welzijn" });
    }
    const dir = directory();
    expect((await dir.listUsers({ department: 'Zorg' })).map((u) => u.id).sort()).toEqual([
      'daan',
      'fatima',
      'lotte',
      'noor',
      'sem',
    ]);
    expect(fake.count('GET', /^\/users$/)).toBe(3);
    const quoted = await dir.listUsers({ department: "Zorg & 't Welzijn" });
    expect(quoted.map((u) => u.id).sort()).toEqual(['esther', 'mila', 'ruben']);
  });

  it("lists users with their manager's id, enabled accounts only, a department filtered by Graph", async () => {
    fake.addUser({ id: 'gone', displayName: 'Left Last Year', managerId: 'jeroen', accountEnabled: false });
    const listed = await directory().listUsersWithManagers();
    const byId = new Map(listed.map((l) => [l.user.id, l]));
    expect([...byId.keys()].sort()).toEqual(['anna', 'daan', 'fatima', 'jeroen', 'lotte', 'noor', 'sem']);
    expect(byId.get('fatima')).toEqual({
      user: { id: 'fatima', displayName: 'FATIMA', email: 'fatima@contoso.nl', department: 'Zorg' },
      managerId: 'jeroen',
    });
    // Nobody above Jeroen and Anna: no manager, not a missing one.
    expect(byId.get('jeroen')?.managerId).toBeUndefined();
    expect(byId.get('anna')?.managerId).toBeUndefined();
    // Seven enabled users at the fake's two a page: four requests, none of them a manager lookup.
    expect(fake.count('GET', /^\/users$/)).toBe(4);
    expect(fake.count('GET', /\/manager$/)).toBe(0);
    const zorg = await directory().listUsersWithManagers({ department: 'Zorg' });
    expect(zorg.map((l) => [l.user.id, l.managerId]).sort()).toEqual([
      ['daan', 'jeroen'],
      ['fatima', 'jeroen'],
      ['lotte', 'jeroen'],
      ['noor', 'jeroen'],
      ['sem', 'jeroen'],
    ]);
  });

  it('gets at most 100 users a page from Graph once the manager is expanded, whatever $top asks', async () => {
    fake.users.clear();
    fake.pageSize = 999;
    try {
      fake.addUser({ id: 'u0', displayName: 'U 0' });
      for (let i = 1; i < 250; i++) fake.addUser({ id: `u${i}`, displayName: `U ${i}`, managerId: 'u0' });
      const client = testClient();
      const expanded = (await client.api('/users').expand('manager($select=id)').top(999).get()) as {
        value: Array<{ id: string; manager?: Record<string, unknown> }>;
        '@odata.nextLink'?: string;
      };
      expect(expanded.value).toHaveLength(100);
      expect(expanded['@odata.nextLink']).toContain('%24expand=manager');
      // Only what was selected of the manager; u0 itself has none, so no manager at all.
      expect(expanded.value[1]?.manager).toEqual({ '@odata.type': '#microsoft.graph.user', id: 'u0' });
      expect(expanded.value[0]).not.toHaveProperty('manager');
      const plain = (await client.api('/users').top(999).get()) as { value: unknown[] };
      expect(plain.value).toHaveLength(250);
      await expect(client.api('/users').expand('memberOf').get()).rejects.toMatchObject({ statusCode: 400 });

      fake.log.length = 0;
      const listed = await directory().listUsersWithManagers();
      expect(listed).toHaveLength(250);
      expect(listed.filter((l) => l.managerId === 'u0')).toHaveLength(249);
      // 250 users at 100 a page: three requests.
      expect(fake.count('GET', /^\/users$/)).toBe(3);
    } finally {
      fake.pageSize = 2;
    }
  });

  it('resolves a round of 2,500 in a page per 100 people, exactly as one manager question per person would', async () => {
    fake.users.clear();
    fake.pageSize = 999;
    try {
      fake.addUser({ id: 'director', displayName: 'Directeur', department: 'Staf' });
      const departments = ['Dienstverlening', 'Financiën', 'Zorg'];
      for (let m = 0; m < 25; m++) {
        fake.addUser({ id: `m${m}`, displayName: `Manager ${m}`, managerId: 'director', department: 'Staf' });
      }
      for (let i = 0; i < 2_472; i++) {
        fake.addUser({
          id: `e${i}`,
          displayName: `Medewerker ${i}`,
          managerId: `m${i % 25}`,
          department: departments[i % 3],
        });
      }
      // Someone without a manager (nobody to plan with) and someone who left (not invited).
      fake.addUser({ id: 'zzp', displayName: 'Zelfstandige', department: 'Zorg' });
      fake.addUser({ id: 'gone', displayName: 'Vertrokken', managerId: 'm1', accountEnabled: false });
      fake.addUser({ id: 'e-last', displayName: 'Nieuw', managerId: 'm1', department: 'Zorg' });
      const ctx = { directory: directory() } as unknown as AppContext;

      fake.log.length = 0;
      const everyone = await resolveAudience(ctx, { kind: 'everyone' });
      // 2,500 enabled users at Graph's 100 a page with $expand: 25 requests, and not one manager lookup.
      expect(fake.log.length).toBeLessThanOrEqual(Math.ceil(2_500 / 100) + 2);
      expect(fake.count('GET', /\/manager$/)).toBe(0);

      // The way it was: every user listed, then each one's manager asked, on a directory of its own.
      const perUser = directory();
      const users = await perUser.listUsers();
      const managers: Array<DirectoryUser | undefined> = [];
      for (let i = 0; i < users.length; i += 50) {
        managers.push(...(await Promise.all(users.slice(i, i + 50).map((u) => perUser.managerOf(u.id)))));
      }
      const expected = users.flatMap((user, i) => {
        const manager = managers[i];
        return manager
          ? [{ employeeId: user.id, managerId: manager.id, department: user.department ?? noDepartment }]
          : [];
      });
      expect(fake.count('GET', /\/manager$/)).toBe(2_500);
      // The director and the one without a manager have nobody to plan with.
      expect(expected).toHaveLength(2_498);
      expect(everyone).toEqual(expected);

      fake.log.length = 0;
      const zorg = await resolveAudience(ctx, { kind: 'department', department: 'Zorg' });
      // 825 of Zorg with a manager (824 + the newcomer): nine pages.
      expect(zorg).toEqual(expected.filter((m) => m.department === 'Zorg'));
      expect(zorg).toHaveLength(825);
      expect(fake.log.length).toBe(9);

      // A manager's team comes from their reports, who need no manager question either. Graph's direct reports
      // include an account that was switched off, so whoever left is in the team as before.
      fake.log.length = 0;
      const team = await resolveAudience(ctx, { kind: 'manager', managerId: 'm1' });
      expect(fake.count('GET', /\/manager$/)).toBe(0);
      const reports = await perUser.directReports('m1');
      const theirManagers = await Promise.all(reports.map((r) => perUser.managerOf(r.id)));
      expect(team).toEqual(
        reports.map((r, i) => ({
          employeeId: r.id,
          managerId: theirManagers[i]?.id,
          department: r.department ?? noDepartment,
        })),
      );
      expect(team).toHaveLength(101);
    } finally {
      fake.pageSize = 2;
    }
  }, 120_000);

  it('finds HR membership through a nested group', async () => {
    const dir = directory();
    expect(await dir.isHr('anna')).toBe(true);
    expect(await dir.isHr('fatima')).toBe(false);
  });

  it('serves from the cache within the TTL and never across it', async () => {
    const dir = directory(1_000);
    await dir.getUser('jeroen');
    clock += 999;
    await dir.getUser('jeroen');
    expect(fake.count('GET', /^\/users\/jeroen$/)).toBe(1);
    fake.users.get('jeroen')!.displayName = 'Jeroen Renamed';
    clock += 1;
    expect((await dir.getUser('jeroen'))?.displayName).toBe('Jeroen Renamed');
    expect(fake.count('GET', /^\/users\/jeroen$/)).toBe(2);
  });

  it('shares one request between concurrent misses', async () => {
    const dir = directory();
    await Promise.all([dir.getUser('sem'), dir.getUser('sem'), dir.getUser('sem')]);
    expect(fake.count('GET', /^\/users\/sem$/)).toBe(1);
  });

  it('reads scheduled and open-ended automatic replies', async () => {
    fake.users.get('jeroen')!.automaticReplies = {
      status: 'scheduled',
      start: '2026-11-19T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      message: 'Met vakantie',
    };
    fake.users.get('sem')!.automaticReplies = { status: 'alwaysEnabled' };
    fake.users.get('lotte')!.automaticReplies = {
      status: 'scheduled',
      start: '2026-12-01T00:00:00Z',
      end: '2026-12-02T00:00:00Z',
    };
    const dir = directory();
    expect(await dir.outOfOffice('jeroen')).toEqual({
      active: true,
      until: '2026-11-27T00:00:00.000Z',
      message: 'Met vakantie',
    });
    expect(await dir.outOfOffice('sem')).toEqual({ active: true });
    expect(await dir.outOfOffice('lotte')).toEqual({ active: false });
    expect(await dir.outOfOffice('daan')).toEqual({ active: false });
  });

  it('reads a schedule given in a Windows time zone', () => {
    const settings = {
      automaticRepliesSetting: {
        status: 'scheduled' as const,
        scheduledStartDateTime: {
          dateTime: '2026-11-20T08:00:00.0000000',
          timeZone: 'W. Europe Standard Time',
        },
        scheduledEndDateTime: {
          dateTime: '2026-11-20T12:00:00.0000000',
          timeZone: 'W. Europe Standard Time',
        },
      },
    };
    // 08:00 Amsterdam is 07:00 UTC in November.
    expect(outOfOfficeFrom(settings, Date.parse('2026-11-20T06:59:00Z')).active).toBe(false);
    expect(outOfOfficeFrom(settings, Date.parse('2026-11-20T07:00:00Z'))).toEqual({
      active: true,
      until: '2026-11-20T11:00:00.000Z',
    });
  });

  it('retries a throttled lookup and honours Retry-After', async () => {
    fake.faults.add({ method: 'GET', path: /^\/users\/noor$/, status: 429, retryAfterSeconds: 3, times: 2 });
    const started = Date.now();
    expect((await directory().getUser('noor'))?.id).toBe('noor');
    // Two waits of 3 s × 0.01 scale.
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(fake.count('GET', /^\/users\/noor$/)).toBe(3);
    expect(fake.faults.firedCount(429)).toBe(2);
  });

  it('retries 503 and 504 without Retry-After', async () => {
    fake.faults.add({ method: 'GET', path: /^\/users\/daan\/manager$/, status: 503, times: 1 });
    fake.faults.add({ method: 'GET', path: /^\/users\/daan\/manager$/, status: 504, times: 1 });
    expect((await directory().managerOf('daan'))?.id).toBe('jeroen');
    expect(fake.count('GET', /^\/users\/daan\/manager$/)).toBe(3);
  });
});
