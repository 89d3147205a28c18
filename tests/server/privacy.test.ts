/** Privacy duties over HTTP: one's own data to download, retention, and erasure from rounds. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { runRetention } from '../../src/app/index.js';
import { amsterdamDay } from '../../src/domain/index.js';
import { as, startTestServer } from '../support/server.js';
import { buildConversation } from '../support/cycle.js';

describe('privacy duties', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fatimasConversation: string;
  beforeAll(async () => {
    server = await startTestServer();
    fatimasConversation = (await buildConversation({ type: 'vitaliteit', stage: 'archived', server })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets an employee download all their own data with the archived PDFs', async () => {
    const response = await fetch(`${server.url}/api/me/export`, { headers: { 'x-demo-user': 'fatima' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const data = JSON.parse(await zip.file('gegevens.json')!.async('string'));
    expect(data.user.id).toBe('fatima');
    expect(data.conversations.map((c: { id: string }) => c.id)).toContain(fatimasConversation);
    expect(data.conversations[0].preparation['kwaliteit.betekenis']).toBeDefined();
    expect(data.audit.length).toBeGreaterThan(5);
    const pdfs = Object.keys(zip.files).filter((f) => f.startsWith('documenten/') && f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(
      Buffer.from(await zip.file(pdfs[0]!)!.async('uint8array'))
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    // Someone else's export holds nothing of hers.
    const other = await fetch(`${server.url}/api/me/export`, { headers: { 'x-demo-user': 'daan' } });
    const otherZip = await JSZip.loadAsync(await other.arrayBuffer());
    expect(await otherZip.file('gegevens.json')!.async('string')).not.toContain(fatimasConversation);
  });

  it('removes working copies after the retention period, keeps the approved report, and records what it removed', async () => {
    expect((await runRetention(server.ctx, 30)).purged).toEqual([]);
    const { purged } = await runRetention(server.ctx, 0);
    expect(purged).toContain(fatimasConversation);
    const view = await as(server.url, 'fatima').get(`/api/conversations/${fatimasConversation}`);
    expect(view.body.conversation.preparation).toEqual({});
    expect(view.body.conversation.versions[0].content.preparation).toEqual({});
    expect(view.body.conversation.versions[0].content.report['verslag.afspraken']).toHaveLength(1);
    expect(view.body.conversation.purgedAt).toBeDefined();
    const audit = await as(server.url, 'fatima').get(`/api/conversations/${fatimasConversation}/audit`);
    const entry = (audit.body.entries as { action: string; details: Record<string, number> }[]).find(
      (e) => e.action === 'retention.purged',
    );
    expect(entry?.details.preparationFields).toBeGreaterThan(0);
    // A second run has nothing left to do.
    expect((await runRetention(server.ctx, 0)).purged).not.toContain(fatimasConversation);
    // The filed PDF is untouched.
    expect(
      (await as(server.url, 'fatima').raw('GET', `/api/conversations/${fatimasConversation}/document`))
        .status,
    ).toBe(200);
  });

  it("lets HR erase an employee's data on request, audited, and nobody else", async () => {
    const { id } = await buildConversation({
      type: 'vitaliteit',
      stage: 'planned',
      employee: 'sanne',
      server,
    });
    expect(
      (await as(server.url, 'jeroen').post('/api/hr/erasure', { employeeId: 'sanne', reason: 'Verzoek' }))
        .status,
    ).toBe(403);
    expect((await as(server.url, 'ingrid').post('/api/hr/erasure', { employeeId: 'sanne' })).status).toBe(
      400,
    );
    const erased = await as(server.url, 'ingrid').post('/api/hr/erasure', {
      employeeId: 'sanne',
      reason: 'Verzoek van medewerker, art. 17 AVG',
    });
    expect(erased.status).toBe(200);
    expect(erased.body.removed.conversations).toBe(1);
    expect((await as(server.url, 'sanne').get(`/api/conversations/${id}`)).status).toBe(404);
    const trail = await server.ctx.store.auditBySubject('sanne');
    expect(trail.at(-1)).toMatchObject({
      actorId: 'ingrid',
      action: 'privacy.erased',
      details: { conversations: 1, hasReason: true },
    });
    // The audit log never held the free text of comments or reasons.
    expect(JSON.stringify(trail)).not.toContain('art. 17');
  });

  it('takes an erased employee out of every round, so no count or reminder stands for her any more', async () => {
    const hr = as(server.url, 'ingrid');
    const today = amsterdamDay(new Date());
    const until = amsterdamDay(new Date(Date.now() + 40 * 86_400_000));
    const started = await hr.post('/api/rounds', {
      type: 'goede-gesprek',
      audience: { kind: 'department', department: 'Dienstverlening' },
      period: { from: today, until },
    });
    expect(started.status).toBe(201);
    const roundId: string = started.body.round.id;
    const before = started.body.round.memberCount as number;
    const memberships = async (employeeId: string) =>
      (
        await server.ctx.store.executor.query('SELECT round_id FROM round_members WHERE employee_id = $1', [
          employeeId,
        ])
      ).rows.length;
    expect(await memberships('thomas')).toBe(1);

    const erased = await hr.post('/api/hr/erasure', { employeeId: 'thomas', reason: 'Verzoek' });
    expect(erased.status).toBe(200);
    expect(erased.body.removed.roundMemberships).toBe(1);
    expect(await memberships('thomas')).toBe(0);

    const detail = await hr.get(`/api/rounds/${roundId}`);
    expect(detail.body.round.memberCount).toBe(before - 1);
    expect(detail.body.progress.members).toBe(before - 1);
    const counts = Object.values(detail.body.progress.counts as Record<string, number>);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(before - 1);
    // Jeroen's list no longer names him.
    const jeroens = await as(server.url, 'jeroen').get(`/api/rounds/${roundId}`);
    expect(jeroens.body.reports.map((r: { employee: { id: string } }) => r.employee.id)).not.toContain(
      'thomas',
    );
    expect((await server.ctx.store.auditBySubject('thomas')).at(-1)?.details).toMatchObject({
      roundMemberships: 1,
    });
  });
});
