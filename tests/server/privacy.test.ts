import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { runRetention } from '../../src/app/index.js';
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
});
