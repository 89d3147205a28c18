/**
 * A Vitaliteitsgesprek driven from plan to signed and filed through the real API: nothing HR can open — any route,
 * any file in the personnel file's tree, any item in the fake SharePoint HR can read — holds an answer, a note, a
 * smiley or report text; and when the directory names a new manager, the new one can open the document in
 * SharePoint and the old one no longer, recorded in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { findManagerChanges } from '../../src/app/jobs/archive-access.js';
import { archiveIndex } from '../../src/app/queries/archive.js';
import { loadConfig } from '../../src/server/config.js';
import { archiveColumns } from '../../src/graph/sharepoint-archive.js';
import { graphAdapters, graphConfigFromEnv } from '../../src/server/microsoft365.js';
import { graphEnv, testClient } from '../graph/harness.js';
import { FakeGraph } from '../support/fake-graph.js';
import { as, eventually, startTestServer } from '../support/server.js';
import { buildConversation } from '../support/cycle.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Every text the employee and her manager write, each one findable. */
const secrets = {
  betekenis: 'Geheim-betekenis-Q7 energie voor werk en thuis',
  behoeften: 'Geheim-behoefte-Q7 minder avondwerk',
  zelf: 'Geheim-zelf-Q7 vaker pauze',
  steun: 'Geheim-steun-Q7 vaste thuiswerkdag',
  toekomst: 'Geheim-toekomst-Q7 rugklachten',
  notitie: 'Geheim-notitie-Q7 van de leidinggevende',
  afspraakGesprek: 'Geheim-afspraak-gesprek-Q7',
  verslag: 'Geheim-verslag-Q7 we spraken over slaap',
  afspraakVerslag: 'Geheim-afspraak-verslag-Q7',
};
const secretTexts = Object.values(secrets);
/** The smiley statements' field ids and what was chosen: neither may reach HR. */
const smileyKeys = ['huis.gezondheid.1', 'huis.werk.1'];

/** Whether a text carries anything written in the conversation (answers, notes, smileys, report). */
function leaks(text: string): string[] {
  return [
    ...secretTexts.filter((s) => text.includes(s)),
    ...smileyKeys.filter((k) => text.includes(k)),
    ...['"sad"', '"happy"'].filter((v) => text.includes(v)),
  ];
}

/** Plan → preparation (shared) → meeting notes and agreements → report offered → co-signed → filed. */
async function signedVitality(server: Server, employee: string, manager: string): Promise<string> {
  // She signs by offering her report; her manager co-signs. She does not approve her own report.
  const built = await buildConversation({
    type: 'vitaliteit',
    stage: 'archived',
    server,
    employee,
    manager,
    start: 3,
    answers: {
      preparation: {
        'kwaliteit.betekenis': secrets.betekenis,
        'huis.gezondheid.1': 'sad',
        'huis.werk.1': 'happy',
        'behoeften.verbeterpunten': secrets.behoeften,
        'werknemerschap.zelf': secrets.zelf,
        'werkgeverschap.steun': secrets.steun,
        'toekomst.1': secrets.toekomst,
      },
      completion: {
        'gesprek.kwaliteit': secrets.notitie,
        'gesprek.afspraken': [{ id: 'g1', text: secrets.afspraakGesprek, owner: 'both' }],
      },
      report: {
        'verslag.samenvatting': secrets.verslag,
        'verslag.afspraken': [{ id: 'a1', text: secrets.afspraakVerslag, owner: 'employee' }],
      },
    },
  });
  return built.id;
}

/** What HR gets from every route that could show a conversation, as text. */
async function everythingHrSees(url: string, id: string, employeeId: string) {
  const hr = as(url, 'ingrid');
  const routes = [
    '/api/archive',
    '/api/conversations',
    `/api/conversations/${id}`,
    `/api/conversations/${id}/audit`,
    `/api/conversations/${id}/document`,
    `/api/people/${employeeId}/year`,
    '/api/team',
    '/api/team/vitality',
    '/api/me',
  ];
  return Promise.all(
    routes.map(async (path) => {
      const response = await hr.raw('GET', path);
      return { path, status: response.status, text: JSON.stringify(response.body ?? '') };
    }),
  );
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('a signed Vitaliteitsgesprek, filed locally', () => {
  let server: Server;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer({ bot: false, env: { PDF_WORKERS: '0' } });
    id = await signedVitality(server, 'fatima', 'jeroen');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is kept in the confidential tree, for her and her manager, and nothing of it in the personnel file', async () => {
    const confidential = filesUnder(join(server.dataDir, 'confidential', 'fatima'));
    expect(confidential.some((f) => f.endsWith('.pdf'))).toBe(true);
    // HR's folder would hold the personnel file: nothing of this conversation, no answer anywhere in it.
    for (const file of filesUnder(join(server.dataDir, 'archive'))) {
      const text = readFileSync(file, 'latin1');
      expect({ file, leaks: leaks(text), names: text.includes(id) }).toEqual({
        file,
        leaks: [],
        names: false,
      });
    }
    for (const who of ['fatima', 'jeroen']) {
      const pdf = await as(server.url, who).raw('GET', `/api/conversations/${id}/document`);
      expect(pdf.status).toBe(200);
    }
    const record = (await as(server.url, 'fatima').get(`/api/conversations/${id}`)).body.conversation.archive;
    expect(record).toMatchObject({ filing: 'confidential', managerId: 'jeroen' });
    expect(record.location.startsWith('confidential/fatima/')).toBe(true);
  });

  it('shows HR nothing but a content-free record, and no route gives HR an answer, note, smiley or report text', async () => {
    // The detector finds what she wrote where she may read it.
    const own = await as(server.url, 'fatima').get(`/api/conversations/${id}`);
    expect(leaks(JSON.stringify(own.body)).length).toBeGreaterThan(3);
    const seen = await everythingHrSees(server.url, id, 'fatima');
    for (const { path, text } of seen) expect({ path, leaks: leaks(text) }).toEqual({ path, leaks: [] });
    const byPath = new Map(seen.map((s) => [s.path, s]));
    // Opening the document as HR: not found, like the conversation itself.
    expect(byPath.get(`/api/conversations/${id}/document`)?.status).toBe(404);
    expect(byPath.get(`/api/conversations/${id}`)?.status).toBe(404);

    const index = await as(server.url, 'ingrid').get('/api/archive');
    expect(index.status).toBe(200);
    const entry = (index.body.items as Array<Record<string, unknown>>).find((i) => i.conversationId === id);
    expect(entry).toBeDefined();
    // Exactly the content-free record and whose it is: no location, no address, nothing to open.
    expect(Object.keys(entry!).sort()).toEqual(
      ['conversationId', 'date', 'employee', 'filing', 'hash', 'signed', 'type'].sort(),
    );
    expect(entry).toMatchObject({ filing: 'confidential', type: 'vitaliteit', signed: true });
    expect(entry!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves the content-free record out of the index when HR_VITALITY_RECORD is off', async () => {
    expect(loadConfig({ HR_VITALITY_RECORD: 'false' }).hrVitalityRecord).toBe(false);
    expect(loadConfig({}).hrVitalityRecord).toBe(true);
    const ctx = { ...server.ctx, config: { ...server.ctx.config, hrVitalityRecord: false } };
    const items = await archiveIndex(ctx, 'ingrid');
    expect(items.some((i) => i.conversationId === id)).toBe(false);
  });
});

describe('a signed Vitaliteitsgesprek, filed in SharePoint', () => {
  let fake: FakeGraph;
  let server: Server;
  let id: string;
  const env = {
    ...graphEnv,
    // The HR grant is on: it is for the personnel file, never for a vitality document.
    ARCHIVE_GRANT_HR: 'true',
    DIRECTORY_CACHE_SECONDS: '0',
  };

  /** The files of this conversation in the fake SharePoint. */
  const files = () => fake.filesOfConversation(id);

  beforeAll(async () => {
    fake = new FakeGraph();
    // Loopback calls to our own server pass through; Graph and SharePoint are answered by the fake.
    fake.server.listen({ onUnhandledFrame: 'bypass' });
    fake.addUser({ id: 'marieke', displayName: 'Marieke de Vries' });
    fake.addUser({ id: 'jeroen', displayName: 'Jeroen Bakker', managerId: 'marieke' });
    fake.addUser({ id: 'thomas', displayName: 'Thomas de Boer', managerId: 'marieke' });
    fake.addUser({ id: 'fatima', displayName: 'Fatima El Amrani', managerId: 'jeroen' });
    fake.addUser({ id: 'ingrid', displayName: 'Ingrid Peeters', managerId: 'marieke' });
    fake.addGroup('hr-group', ['ingrid']);
    // A site group with everyone in it, HR too: what the confidential library would inherit if left as it came.
    fake.addGroup('site-members', ['ingrid', 'marieke', 'jeroen', 'thomas', 'fatima']);
    fake.addDrive('personnel', [...archiveColumns], [{ objectId: 'hr-group', roles: ['read'] }]);
    fake.addDrive('confidential', [...archiveColumns], [{ objectId: 'site-members', roles: ['read'] }]);
    server = await startTestServer({
      bot: false,
      env: { PDF_WORKERS: '0' },
      overrides: graphAdapters(graphConfigFromEnv(env), testClient()),
    });
    id = await signedVitality(server, 'fatima', 'jeroen');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    fake?.close();
  });

  it('refuses to start without the confidential library, naming the setting', () => {
    expect(() => graphConfigFromEnv({ ...env, SHAREPOINT_CONFIDENTIAL_DRIVE_ID: undefined })).toThrow(
      /SHAREPOINT_CONFIDENTIAL_DRIVE_ID/,
    );
  });

  it('is in the confidential library only, readable by exactly the employee and her manager', () => {
    const pdf = files().find((f) => f.name.endsWith('.pdf'));
    expect(pdf?.driveId).toBe('confidential');
    expect(files().every((f) => f.driveId === 'confidential')).toBe(true);
    for (const file of files()) expect(fake.readersOf(file.id)).toEqual(['fatima', 'jeroen']);
    expect(pdf?.retentionLabel).toBeUndefined();
  });

  it('gives HR nothing to open: no item HR can read holds anything of the conversation', async () => {
    const hrReadable = [...fake.items.values()].filter((item) => fake.readersOf(item.id).includes('ingrid'));
    // The libraries and the confidential library's top folder are readable to HR; the employee's folder is not.
    expect(hrReadable.length).toBeGreaterThan(0);
    for (const item of hrReadable) {
      const text = new TextDecoder('latin1').decode(item.content) + JSON.stringify(item.fields);
      expect({ item: item.name, leaks: leaks(text), names: text.includes(id) }).toEqual({
        item: item.name,
        leaks: [],
        names: false,
      });
    }
    for (const { path, text } of await everythingHrSees(server.url, id, 'fatima'))
      expect({ path, leaks: leaks(text) }).toEqual({ path, leaks: [] });
    expect((await as(server.url, 'ingrid').raw('GET', `/api/conversations/${id}/document`)).status).toBe(404);
  });

  it('moves access to the new manager when the directory says her manager changed, audited', async () => {
    fake.users.get('fatima')!.managerId = 'thomas';
    // The app follows the directory at once: the old manager is out, the new one in.
    expect((await as(server.url, 'jeroen').raw('GET', `/api/conversations/${id}/document`)).status).toBe(404);
    expect((await as(server.url, 'thomas').raw('GET', `/api/conversations/${id}/document`)).status).toBe(200);
    // The scheduled check finds the document and sends it through the outbox.
    expect(await findManagerChanges(server.ctx)).toEqual([id]);
    await eventually(
      async () =>
        (await server.ctx.store.auditOf(id)).some((e) => e.action === 'conversation.archive-readers-changed'),
      30_000,
      'the change of readers in the audit trail',
    );
    for (const file of files()) expect(fake.readersOf(file.id)).toEqual(['fatima', 'thomas']);
    const entry = (await server.ctx.store.auditOf(id)).find(
      (e) => e.action === 'conversation.archive-readers-changed',
    );
    expect(entry).toMatchObject({ actorId: 'system', details: { from: 'jeroen', to: 'thomas' } });
    const record = (await as(server.url, 'fatima').get(`/api/conversations/${id}`)).body.conversation.archive;
    expect(record.managerId).toBe('thomas');
    // Nothing left to move.
    expect(await findManagerChanges(server.ctx)).toEqual([]);
  });
});
