/**
 * Live updates: the event stream of an open conversation page, authorised like the view, carrying no content,
 * and fed by any instance on the same PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { viewTag } from '../../src/domain/view-tag.js';
import { configureLive } from '../../src/server/live.js';
import { buildConversation, step } from '../support/cycle.js';
import { freshPostgresUrl } from '../support/databases.js';
import { openLiveStream } from '../support/live-stream.js';
import { as, eventually, startTestServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const marker = 'ONGEDEELD-CONCEPT-7f3a';

describe('live updates across two instances on one PostgreSQL', () => {
  let first: Server;
  let second: Server;

  beforeAll(async () => {
    const databaseUrl = await freshPostgresUrl();
    // Both serve the API on one database; the outbox workers run on the first only (either would do).
    first = await startTestServer({ env: { DATABASE_URL: databaseUrl }, bot: false });
    second = await startTestServer({ env: { DATABASE_URL: databaseUrl }, bot: false, workers: false });
    configureLive(second.ctx, { heartbeatMs: 300 });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('shows the manager on one instance what the employee shares through the other, never her draft', async () => {
    const built = await buildConversation({
      type: 'vitaliteit',
      stage: 'preparing',
      server: first,
      texts: { preparation: `${marker} energie` },
    });
    const { id, employee, manager } = built;
    // The calendar job adds the meeting link meanwhile: a change he does see, so wait for it first.
    await eventually(
      async () =>
        (await as(second.url, manager).get(`/api/conversations/${id}`)).body.conversation.schedule?.eventId,
      20_000,
      'the meeting link',
    );
    const stream = await openLiveStream(second.url, manager, id);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    const hello = await stream.next((e) => e.event === 'view');
    const before = (await as(second.url, manager).get(`/api/conversations/${id}`)).body;
    // The first event names the view he would read now, so a page that has it does not read again.
    expect(hello.data.tag).toBe(viewTag(before as never));

    // Her draft saves move the edit revision but nothing he can see: no event for him.
    const textField = Object.entries(built.view.conversation.preparation).find(
      ([, value]) => typeof value === 'string' && value.includes(marker),
    )?.[0];
    expect(textField).toBeDefined();
    await step(as(first.url, employee), id, {
      type: 'save-preparation',
      answers: { [textField!]: `${marker} nog meer` },
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect(stream.events.filter((e) => e.event === 'view')).toHaveLength(1);

    const sharedAt = Date.now();
    await step(as(first.url, employee), id, { type: 'submit-preparation' });
    const changed = await stream.next((e) => e.event === 'view' && e.data.tag !== hello.data.tag, 1, 5000);
    const after = (await as(second.url, manager).get(`/api/conversations/${id}`)).body;
    expect(changed.data.tag).toBe(viewTag(after as never));
    expect(JSON.stringify(after.conversation.preparation)).toContain(marker);
    expect(changed.at - sharedAt).toBeLessThan(3000);

    // No content ever goes over the stream; heartbeats keep it open.
    expect(stream.text()).not.toContain(marker);
    expect(Object.keys(changed.data).sort()).toEqual(['revision', 'tag']);
    expect(stream.text()).toContain(': ping');
    stream.close();
  }, 60_000);

  it('refuses the stream to anyone who may not read the view, with the same 404', async () => {
    const built = await buildConversation({ type: 'vitaliteit', stage: 'planned', server: first });
    for (const outsider of ['daan', 'esther', 'ingrid']) {
      const stream = await openLiveStream(second.url, outsider, built.id);
      const view = await as(second.url, outsider).get(`/api/conversations/${built.id}`);
      expect([stream.status, view.status]).toEqual([404, 404]);
    }
    const missing = await openLiveStream(second.url, built.manager, 'no-such-conversation');
    expect(missing.status).toBe(404);
  }, 60_000);

  it('ends open streams when the server stops', async () => {
    const built = await buildConversation({ type: 'vitaliteit', stage: 'planned', server: first });
    const other = await startTestServer({
      env: { DATABASE_URL: String(first.ctx.config.databaseUrl) },
      bot: false,
      workers: false,
    });
    const stream = await openLiveStream(other.url, built.employee, built.id);
    await stream.next((e) => e.event === 'view');
    const stopped = Date.now();
    await other.stop();
    await stream.ended;
    expect(Date.now() - stopped).toBeLessThan(5000);
  }, 60_000);
});
