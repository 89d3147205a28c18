/** A kill -9 between approval and archiving: after the restart exactly one document is filed. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { as, eventually, freePort } from '../support/client.js';
import { buildConversation } from '../support/cycle.js';

/** Starts the real server as its own process (`node --import tsx src/server/main.ts`), as `npm start` would. */
async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      AUTH_MODE: 'local',
      HOST: '127.0.0.1',
      PORT: String(port),
      JOB_POLL_SECONDS: '0.5',
      NODE_OPTIONS: '',
      // An empty start: the demo year would put other documents beside the one this test counts.
      DEMO_SEED: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        return (await fetch(`${url}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    60_000,
    'the server to start',
  );
  return { child, url };
}

describe('a crash between approval and archiving', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('archives exactly one document after a kill -9 and a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
    // This process works off every queue but the archive, so the archive job is still waiting at the kill.
    const first = await startProcess({
      DATA_DIR: dataDir,
      WORKER_QUEUES: 'notify,calendar,task,refresh-cards,reminder',
    });
    children.push(first.child);
    const { id, stage } = await buildConversation({ type: 'vitaliteit', stage: 'approved', server: first });
    expect(stage).toBe('approved');

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startProcess({ DATA_DIR: dataDir });
    children.push(second.child);
    const archived = await eventually(
      async () => {
        const view = await as(second.url, 'fatima').get(`/api/conversations/${id}`);
        return view.body.conversation?.stage === 'archived' ? view : undefined;
      },
      60_000,
      'archiving after the restart',
    );
    const location = archived.body.conversation.archive.location as string;
    expect(location).toContain('fatima');
    const pdfs = readdirSync(dirname(join(dataDir, location))).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const audit = await as(second.url, 'fatima').get(`/api/conversations/${id}/audit`);
    expect(
      (audit.body.entries as { action: string }[]).filter((e) => e.action === 'conversation.archived'),
    ).toHaveLength(1);

    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 180_000);
});
