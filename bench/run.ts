/**
 * `npm run bench`: measures autosave, card actions, the invitation fan-out, PDF rendering, archiving and the
 * tab bundle, prints the figures and writes them to bench/results.md. Every loop is bounded in count and time.
 *
 * Knobs: BENCH_ONLY (comma list of autosave,card,fanout,pdf,archive,tab,live), BENCH_LIVE (live samples, default 40), BENCH_LEVELS (editors, default
 * 1,50,200,500), BENCH_THINK_MS (pause of the paced autosave run, default 2000), BENCH_SAVES (saves per editor, default 20), BENCH_SECONDS (per level, default 20),
 * BENCH_APPROVALS (default 200), BENCH_CARD_SPREAD_MS (window of the spread card actions, default 10000), BENCH_FANOUT (default 5000), BENCH_OUTBOX_FANOUT (default 60), BENCH_OUTBOX_POLL
 * (JOB_POLL_SECONDS for it, default 1), BENCH_BACKENDS (pglite,postgres), BENCH_ROUND (invitations of the round
 * fan-out, default 5000), BENCH_ROUND_INSTANCES (default 1,3), BENCH_ROUND_KILL (0: no run with a kill -9 half-way
 * on three instances), BENCH_FLOOR_DECISIONS (card decisions
 * in the floor section, default 300), BENCH_FLOOR_EDITORS (its saturation editors, default 50), BENCH_FLOOR_SECONDS
 * and BENCH_FLOOR_TURNS (default 5 and 3), BENCH_FLOOR_PACED (its paced editors, default 500), BENCH_FLOOR_PROFILE
 * (a directory for the real app's CPU profiles). Sections not measured in a run keep their
 * figures from the previous results.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freshPostgresUrl } from '../tests/support/databases.js';
import { startPostgresServer, stopPostgresServer } from '../tests/support/postgres-server.js';
import { benchAutosave, type AutosaveRow } from './autosave.js';
import { benchCardAction, type CardActionRow } from './card-action.js';
import { benchPdf, benchSharePoint } from './documents.js';
import { benchFanout } from './fanout.js';
import { benchFloor, type Side as FloorSide } from './floor.js';
import { benchOutboxFanout } from './outbox-fanout.js';
import { benchLive } from './live.js';
import { benchRound, type RoundBenchResult } from './round.js';
import { writeBenchOrganisation } from './organisation.js';
import type { BenchBackend } from './scenario.js';

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const only = new Set(
  (env.BENCH_ONLY ?? 'autosave,card,fanout,round,floor,pdf,archive,tab,live').split(',').map((s) => s.trim()),
);
const levels = (env.BENCH_LEVELS ?? '1,50,200,500')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const backends = (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim()) as BenchBackend[];
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};
const verdict = (met: boolean) => (met ? 'met' : '**not met**');

async function main(): Promise<void> {
  const started = new Date();
  out('# Benchmark results');
  out();
  out(`| date | machine (nproc) | CPU | memory | node |`);
  out(`| --- | --- | --- | --- | --- |`);
  out(
    `| ${started.toISOString()} | ${availableParallelism()} | ${cpus()[0]?.model ?? '?'} | ${(totalmem() / 2 ** 30).toFixed(1)} GiB | ${process.version} |`,
  );
  out();

  let postgres: { url: string; stateFile: string } | undefined;
  const needsPostgres =
    (backends.includes('postgres') && (only.has('autosave') || only.has('card') || only.has('live'))) ||
    only.has('round') ||
    only.has('floor');
  if (needsPostgres && !env.TEST_DATABASE_URL) {
    postgres = await startPostgresServer({ maxConnections: 300 });
    env.TEST_DATABASE_URL = postgres.url;
  }
  try {
    const organisation = writeBenchOrganisation(Math.max(...levels, 2 * number('BENCH_APPROVALS', 200)));
    if (only.has('autosave')) {
      const rows: AutosaveRow[] = [];
      const limits = { iterations: number('BENCH_SAVES', 20), seconds: number('BENCH_SECONDS', 20) };
      const thinkTimes = [0, number('BENCH_THINK_MS', 2000)];
      for (const backend of backends) {
        rows.push(
          ...(await benchAutosave(
            backend,
            organisation,
            levels,
            limits,
            thinkTimes,
            backend === 'postgres' ? await freshPostgresUrl() : undefined,
          )),
        );
      }
      out(
        '## Autosave (`POST /api/conversations/:id/commands`, `save-preparation`, one conversation per editor)',
      );
      out();
      out(
        `Over HTTP on loopback, app in its own process; at most ${limits.iterations} saves per editor or ${limits.seconds} s per level. "pause 0" = every editor saves back to back (saturation); "pause ${thinkTimes[1]}" = each editor saves every ${thinkTimes[1]} ms (an autosave cadence). Goal: p99 ≤ 30 ms.`,
      );
      out();
      out(
        '| backend | pause ms | editors | requests | errors | p50 ms | p99 ms | max ms | saves/s | p99 goal |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of rows) {
        out(
          `| ${r.backend} | ${r.thinkMs} | ${r.editors} | ${r.requests} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.perSecond.toFixed(0)} | ${verdict(r.p99 <= 30)} |`,
        );
      }
      for (const thinkMs of thinkTimes)
        for (const level of levels) {
          const pick = (backend: BenchBackend) =>
            rows.find((r) => r.backend === backend && r.editors === level && r.thinkMs === thinkMs);
          const [a, b] = [pick('pglite'), pick('postgres')];
          if (a && b)
            out(
              `- pause ${thinkMs} ms, ${level} editors: PostgreSQL/PGlite p99 ratio ${(b.p99 / a.p99).toFixed(2)}, throughput ratio ${(b.perSecond / a.perSecond).toFixed(2)}`,
            );
        }
      out();
    }
    if (only.has('card')) {
      const approvals = number('BENCH_APPROVALS', 200);
      const spreadMs = number('BENCH_CARD_SPREAD_MS', 10_000);
      const rows: CardActionRow[] = [];
      for (const backend of backends) {
        rows.push(
          ...(await benchCardAction(
            backend,
            organisation,
            approvals,
            backend === 'postgres' ? await freshPostgresUrl() : undefined,
            spreadMs,
          )),
        );
      }
      out(
        `## Card action (\`adaptiveCard/action\` \`decide\` to \`/api/messages\`, bot mounted, local mode)`,
      );
      out();
      out(
        `${approvals} approvals per wave: first every employee, then every manager (which approves and starts archiving). "burst" = all posted at the same instant; "spread" = each at a random moment within ${spreadMs / 1000} s (other conversations). Goal: p99 ≤ 50 ms.`,
      );
      out();
      out(
        '| backend | arrival | wave | approvals | errors | p50 ms | p99 ms | max ms | decisions/s | p99 goal |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of rows) {
        const arrival = r.spreadMs === 0 ? 'burst' : `spread ${r.spreadMs / 1000} s`;
        out(
          `| ${r.backend} | ${arrival} | ${r.wave} | ${r.approvals} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.perSecond.toFixed(0)} | ${verdict(r.p99 <= 50)} |`,
        );
      }
      out();
    }
    if (only.has('fanout')) {
      const n = number('BENCH_FANOUT', 5000);
      const r = await benchFanout(n);
      out(
        '## Invitation fan-out (real `TeamsMessenger` + pacing → fake Bot Connector enforcing 7/s, 60/30 s per chat, 50/s per app)',
      );
      out();
      out(
        'All sends at once; then everything is sent a second time, as a replayed outbox would. "failed" = still failing after the messenger\'s 5 retries (the outbox retries such a job later); "lost" = employees without their invitation after the replay.',
      );
      out();
      out(
        '| messages | seconds | messages/s at the connector | share of 50/s | 429s | failed | lost | duplicates | posts on replay | goal ≥ 90%, 0 lost, 0 dup |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      out(
        `| ${r.messages} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(r.shareOfLimit * 100).toFixed(1)}% | ${r.throttled} | ${r.failedFirstPass} | ${r.lost} | ${r.duplicates} | ${r.replayPosts} | ${verdict(r.shareOfLimit >= 0.9 && r.lost === 0 && r.duplicates === 0)} |`,
      );
      out();
      const planned = number('BENCH_OUTBOX_FANOUT', 60);
      const o = await benchOutboxFanout(
        organisation,
        planned,
        number('BENCH_OUTBOX_SECONDS', 300),
        number('BENCH_OUTBOX_POLL', 1),
      );
      out(
        `Along the product path (plan over the API → calendar job → notify job → TeamsMessenger → fake), JOB_POLL_SECONDS=${o.pollSeconds}:`,
      );
      out();
      out('| planned | invitations arrived | seconds | invitations/s | share of 50/s | duplicates |');
      out('| --- | --- | --- | --- | --- | --- |');
      out(
        `| ${o.planned} | ${o.delivered} | ${o.seconds.toFixed(1)} | ${o.perSecond.toFixed(2)} | ${((o.perSecond / 50) * 100).toFixed(1)}% | ${o.duplicates} |`,
      );
      out();
    }
    if (only.has('round')) {
      const n = number('BENCH_ROUND', 5000);
      const counts = (env.BENCH_ROUND_INSTANCES ?? '1,3')
        .split(',')
        .map(Number)
        .filter((k) => k > 0);
      const roundOrganisation = writeBenchOrganisation(n);
      const rows: RoundBenchResult[] = [];
      for (const instances of counts)
        rows.push(
          await benchRound({
            organisation: roundOrganisation,
            n,
            instances,
            databaseUrl: await freshPostgresUrl(),
            timeoutSeconds: Math.max(120, (n / 50) * 3),
          }),
        );
      // And once more on three instances with one killed (SIGKILL) half-way and started again.
      if (env.BENCH_ROUND_KILL !== '0')
        rows.push(
          await benchRound({
            organisation: roundOrganisation,
            n,
            instances: 3,
            killAt: 0.5,
            databaseUrl: await freshPostgresUrl(),
            timeoutSeconds: Math.max(120, (n / 50) * 3),
          }),
        );
      out(
        '## Round fan-out along the product path (plan over the API → calendar job → notify job → `TeamsMessenger` → fake Bot Connector at 50/s), PostgreSQL',
      );
      out();
      out(
        'The plans are spread over the instances; everyone has the app installed (their chat is known). Timed from the first plan to the last invitation; "first" = first plan to first invitation. "peak tried" = most requests the instances together sent in one second, accepted or not: they share one pace in the database (`send_rate`). "killed": one instance SIGKILLed half-way, right after the fake connector took its last few posts without answering them, and started again; "answers lost" = posts Teams took whose answer died with it (each found by reading the chat back instead of posted again); the jobs it held wait for their heartbeat to stop (10 s) before another instance takes them.',
      );
      out();
      out(
        '| invitations | instances | plans s | first s | seconds | invitations/s | share of 50/s | 429s | peak tried /s | answers lost | lost | duplicates | goal ≥ 90%, 0 lost, 0 dup |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of rows)
        out(
          `| ${r.planned} | ${r.instances}${r.killed ? ', killed' : ''} | ${r.planSeconds.toFixed(1)} | ${r.firstSeconds.toFixed(1)} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(r.share * 100).toFixed(1)}% | ${r.throttled} | ${r.peakAttempts} | ${r.killed ? r.answersLost : '–'} | ${r.lost} | ${r.duplicates} | ${verdict((r.killed || r.share >= 0.9) && r.lost === 0 && r.duplicates === 0)} |`,
        );
      out();
    }
    if (only.has('floor')) {
      const paced = number('BENCH_FLOOR_PACED', 500);
      const decisions = number('BENCH_FLOOR_DECISIONS', 300);
      const editors = number('BENCH_FLOOR_EDITORS', 50);
      const f = await benchFloor({
        organisation: writeBenchOrganisation(Math.max(2 * paced, decisions + 10, 2 * editors)),
        freshDatabase: freshPostgresUrl,
        decisions,
        editors,
        seconds: number('BENCH_FLOOR_SECONDS', 5),
        turns: number('BENCH_FLOOR_TURNS', 3),
        pacedEditors: paced,
        thinkMs: number('BENCH_THINK_MS', 2000),
        pacedSaves: number('BENCH_SAVES', 20),
        ...(env.BENCH_FLOOR_PROFILE ? { profileDir: env.BENCH_FLOOR_PROFILE } : {}),
      });
      const { decisions: d, saturation: s, paced: p } = f;
      out('## Cost against its floor (PostgreSQL; the real app and a bare peer side by side, in turns)');
      out();
      out(
        `Card decision: the real app (bot mounted as \`npm start\` mounts it, outbox workers off so only the request is counted) against a bare Teams SDK app in its own process answering the same \`adaptiveCard/action\` invoke with the same card, static; ${d.real.requests} decisions each (a manager co-signs the vitality report the employee offered: it is approved and its archiving, task and card refreshes are queued), in batches of 25 taken in turns, CPU from \`process.cpuUsage()\` of each process. Autosave: \`save-preparation\` over \`POST /api/conversations/:id/commands\` against a bare route on the same Express app, auth middleware and database pool doing the one-row \`UPDATE … RETURNING\` (\`bench/floor-serve.ts\`), ${s.editors} editors back to back, ${number('BENCH_FLOOR_TURNS', 3)} turns of ${number('BENCH_FLOOR_SECONDS', 5)} s each. Paced: ${p.editors} editors each saving every ${p.thinkMs} ms on each route, four turns per route taken alternately, with the outbox workers on and idle (what planning queued worked off first; the autosave section above measures with it trickling on).`,
      );
      out();
      out('| measure | real | floor | real / floor | goal | verdict |');
      out('| --- | --- | --- | --- | --- | --- |');
      out(
        `| CPU per card decision, ms | ${d.real.cpuMs.toFixed(2)} | ${d.bare.cpuMs.toFixed(2)} | ${d.ratio.toFixed(2)} | ≤ 2 | ${verdict(d.ratio <= 2)} |`,
      );
      out(
        `| autosave saves/s at saturation (${s.editors} editors) | ${s.real.perSecond.toFixed(0)} | ${s.bare.perSecond.toFixed(0)} | ${s.ratio.toFixed(2)} | ≥ 0.5 | ${verdict(s.ratio >= 0.5)} |`,
      );
      out(
        `| paced autosave p99 ms (${p.editors} editors, every ${p.thinkMs / 1000} s) | ${ms(p.real.p99)} | ${ms(p.bare.p99)} | ${(p.real.p99 / p.bare.p99).toFixed(2)} | real ≤ 30 ms | ${verdict(p.real.p99 <= 30 && p.real.errors === 0)} |`,
      );
      out();
      out(
        '| run | side | requests | errors | p50 ms | p99 ms | max ms | per second | CPU ms each | statements each |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      const row = (run: string, side: string, r: FloorSide, database = true) =>
        out(
          `| ${run} | ${side} | ${r.requests} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.perSecond.toFixed(0)} | ${r.cpuMs.toFixed(2)} | ${database ? r.statements.toFixed(1) : '–'} |`,
        );
      row('card decision', 'real', d.real);
      row('card decision', 'floor', d.bare, false);
      row('autosave saturation', 'real', s.real);
      row('autosave saturation', 'floor', s.bare);
      row('autosave paced', 'real', p.real);
      row('autosave paced', 'floor', p.bare);
      out();
    }
    if (only.has('live')) {
      const samples = number('BENCH_LIVE', 40);
      out(
        '## Live updates (`benchLive`: she shares her preparation → his event stream → his view re-read; PostgreSQL: writer and reader on two instances)',
      );
      out();
      out(
        '| backend | instances | samples | event p50 ms | event p99 ms | visible p50 ms | visible p99 ms |',
      );
      out('| --- | --- | --- | --- | --- | --- | --- |');
      for (const backend of backends) {
        const row = await benchLive(
          backend,
          organisation,
          samples,
          backend === 'postgres' ? await freshPostgresUrl() : undefined,
        );
        out(
          `| ${row.backend} | ${row.instances} | ${row.samples} | ${ms(row.eventP50)} | ${ms(row.eventP99)} | ${ms(row.visibleP50)} | ${ms(row.visibleP99)} |`,
        );
      }
      out();
    }
    if (only.has('pdf')) {
      const iterations = number('BENCH_RENDERS', 30);
      const perDocument = await benchPdf(iterations);
      out('## PDF render (`benchRender`, alternating a Vitaliteitsgesprek and a Reflectiegesprek)');
      out();
      out(`| renders | mean ms per document | documents/s on one core |`);
      out('| --- | --- | --- |');
      out(`| ${iterations} | ${perDocument.toFixed(1)} | ${(1000 / perDocument).toFixed(1)} |`);
      out();
    }
    if (only.has('archive')) {
      const documents = number('BENCH_ARCHIVE', 100);
      const rows = [];
      for (const concurrency of [1, 8])
        rows.push({
          concurrency,
          ...(await benchSharePoint(documents, { pdfBytes: 200 * 1024, concurrency })),
        });
      out(
        '## Archive (`benchArchive`: `SharePointArchive` over the fake Graph, 200 KiB PDF + JSON sidecar each)',
      );
      out();
      out('| documents | parallel | seconds | documents/s |');
      out('| --- | --- | --- | --- |');
      for (const r of rows)
        out(
          `| ${r.documents} | ${r.concurrency} | ${r.seconds.toFixed(2)} | ${r.documentsPerSecond.toFixed(1)} |`,
        );
      const [one, eight] = rows;
      if (one && eight)
        out(`- 8 parallel / 1 parallel: ${(eight.documentsPerSecond / one.documentsPerSecond).toFixed(2)}×`);
      out();
    }
    if (only.has('tab')) {
      out('## Tab bundle');
      out();
      const tabFile = fileURLToPath(new URL('./tab.ts', import.meta.url));
      if (existsSync(tabFile)) {
        const loaded = (await import(tabFile)) as { benchTab?: () => Promise<unknown> };
        const result = loaded.benchTab ? await loaded.benchTab() : undefined;
        if (result && typeof result === 'object') {
          out('| figure | value |');
          out('| --- | --- |');
          for (const [key, value] of Object.entries(result as Record<string, unknown>))
            out(`| ${key} | ${typeof value === 'number' ? value.toFixed(2) : JSON.stringify(value)} |`);
        } else {
          out(`bench/tab.ts returned ${JSON.stringify(result)}.`);
        }
      } else {
        out('Not measured: `bench/tab.ts` (`benchTab`) is not there yet.');
      }
      out();
    }
  } finally {
    if (postgres) stopPostgresServer(postgres.stateFile);
  }
  const resultsFile = fileURLToPath(new URL('./results.md', import.meta.url));
  // A run of some sections keeps the others' figures from the previous file, marked as such.
  const measured = new Set(lines.filter((l) => l.startsWith('## ')));
  const earlier = existsSync(resultsFile) ? earlierSections(readFileSync(resultsFile, 'utf8'), measured) : [];
  for (const section of earlier) out(section);
  out(
    `Run took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s. Reproduce with \`npm run bench\` (see docs/performance.md).`,
  );
  writeFileSync(resultsFile, `${lines.join('\n')}\n`);
}

/** The `## ` sections of an earlier results file that this run did not measure, each marked with its run's date. */
function earlierSections(text: string, measured: ReadonlySet<string>): string[] {
  const date = /^\| (\d{4}-\d\d-\d\dT[^ |]+) \|/m.exec(text)?.[1] ?? 'an earlier run';
  const sections: string[] = [];
  for (const part of text.split(/^(?=## )/m).slice(1)) {
    const body = part.replace(/\n?Run took [^\n]*\n?$/, '').trimEnd();
    const heading = body.split('\n')[0] ?? '';
    if (measured.has(heading)) continue;
    const marked = body.includes('_(from the run of ')
      ? body
      : body.replace(heading, `${heading}\n\n_(from the run of ${date})_`);
    sections.push(marked, '');
  }
  return sections;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
