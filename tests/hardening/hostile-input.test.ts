/**
 * Hostile input on every free-text field the API accepts (answers, completion, report, agreements, decision
 * comments, cancel reason, POP, evaluation, request note): oversize text, deep JSON nesting, invalid Unicode and
 * NUL escapes get a clear 4xx (or are stored and stay readable); markup and template syntax is stored as typed,
 * escaped in every Adaptive Card built from it, and printed as plain text in the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationCard, type NotificationJob } from '../../src/app/jobs/notify.js';
import { as, startTestServer } from '../support/server.js';
import { buildConversation, reachStage, step, type TargetStage } from '../support/cycle.js';
import { pdfText } from '../support/pdf.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Markup, links, script, template and host-function syntax, plus a bidi override, in one line. */
const pieces = [
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![img](https://evil.example/p.png)',
  '${process.exit()}',
  '{{DATE(2026-01-01T00:00:00Z, SHORT)}}',
  '<!-- -->',
  '**vet** _schuin_ # kop',
  '&lt;b&gt;',
];
const hostile = pieces.join(' | ');

let server: Server;
beforeAll(async () => {
  server = await startTestServer({ bot: false });
});
afterAll(async () => {
  await server?.stop();
});

/** Where a field lives: the stage its command needs (`none`: no conversation) and who may send it. */
type Stage = Extract<TargetStage, 'planned' | 'held' | 'awaiting_approval' | 'approved'> | 'none';
interface Field {
  name: string;
  stage: Stage;
  who: 'fatima' | 'jeroen';
  /** The request body with `V` standing for the raw JSON value. */
  body: string;
  path?: string;
}

const fields: Field[] = [
  {
    name: 'preparation answer',
    stage: 'planned',
    who: 'fatima',
    body: '{"command":{"type":"save-preparation","answers":{"kwaliteit.betekenis":V}}}',
  },
  {
    name: 'completion answer',
    stage: 'planned',
    who: 'jeroen',
    body: '{"command":{"type":"save-completion","answers":{"gesprek.werkgeverschap":V}}}',
  },
  {
    name: 'report',
    stage: 'held',
    who: 'fatima',
    body: '{"command":{"type":"save-report","answers":{"verslag.samenvatting":V}}}',
  },
  {
    name: 'agreement',
    stage: 'held',
    who: 'fatima',
    body: '{"command":{"type":"save-report","answers":{"verslag.afspraken":[{"id":"a1","text":V,"owner":"both"}]}}}',
  },
  {
    name: 'decision comment',
    stage: 'awaiting_approval',
    who: 'jeroen',
    body: '{"command":{"type":"decide","version":1,"decision":"niet_akkoord","comment":V}}',
  },
  {
    name: 'cancel reason',
    stage: 'planned',
    who: 'jeroen',
    body: '{"command":{"type":"cancel","reason":V}}',
  },
  {
    name: 'POP',
    stage: 'approved',
    who: 'fatima',
    body: '{"command":{"type":"save-pop","pop":{"items":[{"id":"p1","goal":V,"actions":"a","who":"employee","support":"s","status":"open"}]}}}',
  },
  {
    name: 'evaluation',
    stage: 'approved',
    who: 'fatima',
    body: '{"command":{"type":"save-evaluation","evaluation":{"items":[],"overall":V}}}',
  },
  {
    name: 'request note',
    stage: 'none',
    who: 'fatima',
    body: '{"type":"vitaliteit","note":V}',
    path: '/api/conversations/requests',
  },
];

/** A fresh conversation of Fatima's in `stage`, through the API. */
async function conversationIn(stage: Stage): Promise<string | undefined> {
  if (stage === 'none') return undefined;
  return (await buildConversation({ type: 'vitaliteit', stage, server })).id;
}

async function sendRaw(
  field: Field,
  value: string,
  id: string | undefined,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const path = field.path ?? `/api/conversations/${id}/commands`;
  const who = as(server.url, field.who);
  // The body is sent as written: `\ud800` and `\u0000` escapes reach the server's JSON parser unchanged.
  return who.raw(
    'POST',
    path,
    field.body.replace('V', () => value),
  );
}

const cases: Array<[string, string, (status: number) => boolean]> = [
  ['text over the field limit', JSON.stringify('x'.repeat(10_001)), (s) => s === 400],
  ['a body over the size limit', JSON.stringify('x'.repeat(300_000)), (s) => s === 413],
  ['10,000 levels of nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, (s) => s === 400],
  ['nested objects instead of text', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, (s) => s === 400],
  ['a lone surrogate (\\ud800)', '"voor \\ud800 na"', (s) => s === 200 || (s >= 400 && s < 500)],
  [
    'a reversed surrogate pair (\\udc00\\ud800)',
    '"\\udc00\\ud800"',
    (s) => s === 200 || (s >= 400 && s < 500),
  ],
  ['a NUL character (\\u0000)', '"voor \\u0000 na"', (s) => s === 200 || (s >= 400 && s < 500)],
];

describe.each(fields)('the $name field', (field) => {
  it.each(cases)(
    'answers %s with a clear 4xx, or stores it and stays readable',
    async (caseName, value, acceptable) => {
      const id = await conversationIn(field.stage);
      const reply = await sendRaw(field, value, id);
      // A 500 here means the database refused what the API let through.
      if (!acceptable(reply.status))
        throw new Error(`${field.name}: ${caseName} → ${reply.status} ${String(reply.body.code)}`);
      if (reply.status >= 400) expect(typeof reply.body.code).toBe('string');
      const readId = id ?? (reply.status < 300 ? (reply.body.conversation as { id: string }).id : undefined);
      if (readId)
        expect((await as(server.url, 'fatima').get(`/api/conversations/${readId}`)).status).toBe(200);
    },
    60_000,
  );
});

function unescapeCard(json: string): string {
  return json.replace(/\\\\(.)/g, '$1');
}

function expectInert(card: unknown): void {
  const json = JSON.stringify(card);
  for (const raw of ['<script>', '](javascript:', '![img](', '${process', '{{DATE(', '<!--', '**vet**'])
    expect(json).not.toContain(raw);
}

describe('markup and template syntax', () => {
  it('is stored as typed, escaped in every card and printed as text in the PDF', async () => {
    // The manager sends version 1 back with the text as his comment, then co-signs version 2.
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'approved',
      server,
      texts: {
        preparation: hostile,
        completion: hostile,
        report: hostile,
        agreement: hostile,
        comment: hostile,
      },
      decisions: [{ manager: 'niet_akkoord' }, { manager: 'akkoord' }],
    });
    const id = built.id;
    const view = (await as(server.url, 'fatima').get(`/api/conversations/${id}`)).body.conversation;
    expect(view.preparation['kwaliteit.betekenis']).toBe(hostile);
    expect(view.completion['gesprek.werkgeverschap']).toBe(hostile);
    expect(view.report['verslag.samenvatting']).toBe(`${hostile} (versie 2)`);
    expect(view.report['verslag.afspraken'][0].text).toBe(hostile);
    expect(view.decisions[0].comment).toBe(hostile);

    // Cards built from that data: the approval card (summary, agreement, comment).
    const stored = (await server.ctx.store.getConversation(id))!.conversation;
    const job = (kind: NotificationJob['kind'], recipientId: string, version?: number): NotificationJob => ({
      kind,
      conversationId: id,
      recipientId,
      key: `t:${kind}`,
      ...(version ? { version } : {}),
    });
    const approval = await notificationCard(server.ctx, job('approval', 'jeroen', built.version), stored);
    expect(approval).toBeDefined();
    expectInert(approval!.card);
    expect(unescapeCard(JSON.stringify(approval!.card))).toContain(pieces[0]);

    // A request note, a cancel reason and a "niet akkoord" comment reach cards too.
    const { id: requestId } = await buildConversation({
      type: 'vitaliteit',
      stage: 'requested',
      server,
      employee: 'daan',
      note: hostile,
    });
    await step(as(server.url, 'jeroen'), requestId, { type: 'cancel', reason: hostile });
    const request = (await server.ctx.store.getConversation(requestId))!.conversation;
    for (const built of [
      await notificationCard(
        server.ctx,
        { kind: 'request', conversationId: requestId, recipientId: 'jeroen', key: 'r' },
        request,
      ),
      await notificationCard(
        server.ctx,
        { kind: 'cancelled', conversationId: requestId, recipientId: 'daan', key: 'c' },
        request,
      ),
    ]) {
      expect(built).toBeDefined();
      expectInert(built!.card);
      expect(unescapeCard(JSON.stringify(built!.card))).toContain('{{DATE(2026-01-01T00:00:00Z, SHORT)}}');
    }
    const { id: sanne } = await buildConversation({
      type: 'vitaliteit',
      stage: 'awaiting_approval',
      employee: 'sanne',
      server,
    });
    await step(as(server.url, 'jeroen'), sanne, {
      type: 'decide',
      version: 1,
      decision: 'niet_akkoord',
      comment: hostile,
    });
    const revision = await notificationCard(
      server.ctx,
      { kind: 'revision', conversationId: sanne, recipientId: 'sanne', version: 1, key: 'v' },
      (await server.ctx.store.getConversation(sanne))!.conversation,
    );
    expect(revision).toBeDefined();
    expectInert(revision!.card);

    // The filed PDF (kept confidentially: a Vitaliteitsgesprek) holds the text literally.
    await reachStage(server.url, 'fatima', id, 'archived');
    const pdf = await fetch(`${server.url}/api/conversations/${id}/document`, {
      headers: { 'x-demo-user': 'fatima' },
    });
    expect(pdf.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'doc.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const piece of pieces) expect(text).toContain(piece);
  }, 120_000);
});
