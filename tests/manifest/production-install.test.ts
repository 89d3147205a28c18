/**
 * The production install is what runs: the server staged as App Service and the container get it (its sources,
 * dist/, and only the packages `npm ci --omit=dev` installs) starts in a temporary folder of its own, answers
 * /api/health, and builds a privacy export (jszip) — nothing it imports is a devDependency. The packages come from
 * the checkout's node_modules as hard links, so this needs no network.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageServer } from '../../scripts/package.js';

const staged = mkdtempSync(join(tmpdir(), 'gesprek-production-install-'));
let child: ChildProcess | undefined;
let output = '';
let url = '';

beforeAll(async () => {
  stageServer({ outDir: join(staged, 'app'), install: 'link' });
  const dir = join(staged, 'app');
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: staged,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: join(staged, 'data'),
      DEMO_SEED: 'off',
      PDF_WORKERS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /draait op (http:\/\/[^/\s]+)\//.exec(output);
    if (match?.[1]) {
      url = match[1];
      break;
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The staged server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(staged, { recursive: true, force: true });
});

describe('a production-only install', () => {
  it('holds no devDependency and no browser sources', () => {
    const modules = join(staged, 'app', 'node_modules');
    for (const dev of ['jest', 'vite', '@fluentui/react-components', 'react', 'msw', 'typescript'])
      expect([dev, existsSync(join(modules, dev))]).toEqual([dev, false]);
    for (const runtime of ['jszip', 'tsx', 'express', '@microsoft/teams.apps'])
      expect([runtime, existsSync(join(modules, runtime))]).toEqual([runtime, true]);
    expect(existsSync(join(staged, 'app', 'src', 'tab'))).toBe(false);
    expect(existsSync(join(staged, 'app', 'src', 'server', 'main.ts'))).toBe(true);
  });

  it('starts the server and answers /api/health', async () => {
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('builds a privacy export, which imports jszip at run time', async () => {
    const response = await fetch(`${url}/api/me/export`, { headers: { 'x-demo-user': 'fatima' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
  });
});
