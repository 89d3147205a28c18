/**
 * The one Chromium launcher for tests, benchmarks and scripts: the system's Chromium where it is installed (faster
 * to start), otherwise the headless build that the `@sparticuz/chromium` package ships, unpacked once per machine.
 */
import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** A Chromium to launch: its executable and what it needs in its environment. */
export interface ChromiumBuild {
  executablePath: string;
  /** Extra environment: the npm build brings its own NSS libraries and fonts. */
  env: Record<string, string>;
  source: 'system' | 'npm';
}

/** Flags every launch gets: headless, no sandbox (tests run as root), nothing that calls home. */
const baseArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Candidates for a system Chromium, first match wins; `CHROMIUM_PATH` names one explicitly. */
const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const execFileAsync = promisify(execFile);

let resolved: Promise<ChromiumBuild> | undefined;

/** The Chromium this machine uses: resolved once per process. */
export function chromiumBuild(): Promise<ChromiumBuild> {
  resolved ??= resolveChromium();
  return resolved;
}

/** Launches headless Chromium with the common flags plus `args` (e.g. `--lang=nl-NL`). */
export async function launchChromium(
  options: { args?: string[] } & Omit<LaunchOptions, 'args'> = {},
): Promise<Browser> {
  const { args = [], ...rest } = options;
  const build = await chromiumBuild();
  return chromium.launch({
    ...rest,
    executablePath: build.executablePath,
    args: [...baseArgs, ...args],
    env: { ...process.env, ...build.env, ...rest.env } as Record<string, string>,
  });
}

async function resolveChromium(): Promise<ChromiumBuild> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return { executablePath: explicit, env: {}, source: 'system' };
  const system = systemCandidates.find(runs);
  if (system) return { executablePath: system, env: {}, source: 'system' };
  return npmChromium();
}

/** True when the file is an executable that answers `--version` (Debian's is a script that needs /usr/lib/chromium). */
function runs(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return false;
  }
  return spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 15_000 }).status === 0;
}

/**
 * Unpacks `@sparticuz/chromium` (Chromium, SwiftShader, its NSS libraries and fonts) into a directory of its own
 * per version. It is unpacked in a fresh directory that is then renamed into place, so suites started side by side
 * never see half an executable, and a run that was stopped halfway leaves nothing that looks finished.
 */
async function npmChromium(): Promise<ChromiumBuild> {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point (build/index.js): its folder is two levels up.
  const packageDir = dirname(dirname(require.resolve('@sparticuz/chromium')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const binDir = join(packageDir, 'bin');
  const dir = join(tmpdir(), `sparticuz-chromium-${version}`);
  const done = join(dir, '.unpacked');
  if (!existsSync(done)) {
    const stage = mkdtempSync(join(tmpdir(), 'sparticuz-chromium-unpack-'));
    try {
      // The package unpacks into os.tmpdir(): let it do so in a process of its own whose TMPDIR is the fresh
      // directory (a jest sandbox's process.env is not the one node:os reads).
      const entry = pathToFileURL(join(packageDir, 'build', 'index.js')).href;
      const unpack = `const { default: c, inflate } = await import(${JSON.stringify(entry)});
        await c.executablePath(${JSON.stringify(binDir)});
        await inflate(${JSON.stringify(join(binDir, 'al2023.tar.br'))});`;
      await execFileAsync(process.execPath, ['--input-type=module', '-e', unpack], {
        env: { ...process.env, TMPDIR: stage },
      });
      if (!existsSync(join(stage, 'chromium')))
        throw new Error(`@sparticuz/chromium did not unpack into ${stage}`);
      writeFileSync(
        join(stage, 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}/fonts/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
      );
      writeFileSync(join(stage, '.unpacked'), version);
      try {
        renameSync(stage, dir);
      } catch {
        // Another suite got there first with a complete copy: use that one. A directory without the marker was
        // left by a run stopped halfway: replace it.
        if (!existsSync(done)) {
          rmSync(dir, { recursive: true, force: true });
          renameSync(stage, dir);
        }
      }
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  }
  const libs = join(dir, 'al2023', 'lib');
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      // Its own NSS and expat: the machine may have none. Fonts: only the ones it ships, so pages look the same
      // on every machine and nothing depends on system fonts.
      LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
    source: 'npm',
  };
}
