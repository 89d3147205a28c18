/**
 * The filed PDF of conversations driven through the real server (plan → prepare → share → meeting → report → offer
 * → reactions → archive job): it reads as a document an HR department files, with no internal key, id or address,
 * decomposed text printed right, and who chose what.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConversation } from '../support/cycle.js';
import { pdfText, pdfToPngs } from '../support/pdf.js';
import { as, startTestServer } from '../support/server.js';

const pages = join(process.cwd(), 'test-artifacts', 'filed-documents');
// Typed on a Mac or pasted from a PDF: decomposed (NFD) letters.
const decomposed = 'Zöë wil de coördinatie van de intake overnemen; ook Łódź en Dvořák.'.normalize('NFD');

describe('the filed document of a conversation driven through the server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    mkdirSync(pages, { recursive: true });
    server = await startTestServer({ env: { DEMO_SEED: 'off' } });
  }, 60_000);
  afterAll(async () => server?.stop());

  async function filedText(id: string, reader: string, name: string): Promise<string> {
    const response = await fetch(`${server.url}/api/conversations/${id}/document`, {
      headers: { 'x-demo-user': reader },
    });
    expect(response.status).toBe(200);
    const path = join(pages, `${name}.pdf`);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    await pdfToPngs(path, join(pages, name), 60);
    // Lines wrap where the page ends them: read the text as one line.
    return (await pdfText(path)).replace(/\s+/g, ' ');
  }

  function expectNoInternals(text: string, id: string): void {
    expect(text).not.toMatch(/conversation\.|document\.read|delivery\.failed/);
    expect(text).not.toContain(id);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/https?:\/\/|localhost|eventId|joinUrl/);
    expect(text).not.toContain('\uFFFD');
  }

  it('a Reflectiegesprek with voor gezien says so, with her remark, and is in the personnel file', async () => {
    const built = await buildConversation({
      type: 'reflectie',
      stage: 'archived',
      server,
      employee: 'fatima',
      texts: { report: decomposed },
      decisions: [
        {
          employee: { decision: 'voor_gezien', comment: 'Gezien; de planning voor het voorjaar is te krap.' },
          manager: 'akkoord',
        },
      ],
      archiveTimeoutMs: 60_000,
    });
    const text = await filedText(built.id, 'ingrid', 'reflectie-voor-gezien');
    expectNoInternals(text, built.id);
    expect(text).toContain('voor gezien');
    expect(text).toContain('de planning voor het voorjaar is te krap');
    expect(text).not.toMatch(/beiden akkoord|beide partijen|goedgekeurd/i);
    expect(text).toContain('Opgenomen in personeelsdossier');
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toContain('Zöë wil de coördinatie');
    expect(text).toContain('Datum gesprek');
    expect(text).toContain('Definitief op');
    expect(text.match(/Controlecode/g)).toHaveLength(1);
  }, 120_000);

  it('a Vitaliteitsgesprek is kept confidentially, signed by offering and co-signed, and HR cannot open it', async () => {
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'archived',
      server,
      employee: 'daan',
      texts: { report: decomposed },
      archiveTimeoutMs: 60_000,
    });
    const text = await filedText(built.id, 'daan', 'vitaliteit');
    expectNoInternals(text, built.id);
    expect(text).toContain('Vertrouwelijk');
    expect(text).not.toContain('personeelsdossier');
    expect(text).toMatch(/ondertekend en ter medeondertekening aangeboden/);
    expect(text).toMatch(/medeondertekend/);
    expect(text).toContain('Zöë wil de coördinatie');
    const hr = await as(server.url, 'ingrid').get(`/api/conversations/${built.id}/document`);
    expect(hr.status).toBe(404);
  }, 120_000);
});
