/**
 * Builds the Teams/Outlook app package for one environment, offline:
 *
 *   npm run package [env]        (env: dev by default; also local)
 *
 * and stages the server for App Service's zip deploy (what `teamsapp.yml` uploads):
 *
 *   npm run package:server       (appPackage/build/server: sources, dist/, production dependencies only)
 *
 * Reads env/.env.<env> (and env/.env.<env>.user when present), fills every ${{VAR}} placeholder in the manifest
 * and its localization file, validates both against the JSON schemas bundled with @microsoft/app-manifest,
 * checks the icons and writes appPackage/build/appPackage.<env>.zip with everything at the root of the zip.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

// Both are CommonJS packages that also export themselves as `default`, which is what TypeScript sees.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The files of the package, all at the root of the zip. */
export const packageFiles = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

/** Thrown when the package cannot be built; `problems` lists every reason, not just the first. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

/** Parses a dotenv file as the toolkit writes it: KEY=value lines, # comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    values[key] = value;
  }
  return values;
}

export interface EnvironmentOptions {
  root?: string;
  /** Values that win over the files, e.g. from a CI pipeline's environment. Empty strings are ignored. */
  overrides?: Record<string, string | undefined>;
}

/** The variables of one environment: env/.env.<env>, then env/.env.<env>.user, then the overrides. */
export function loadEnvironment(env: string, options: EnvironmentOptions = {}): Record<string, string> {
  if (!/^[a-z0-9-]+$/i.test(env))
    throw new PackageError(`Invalid environment name "${env}".`, ['use letters, digits and -']);
  const root = options.root ?? repoRoot;
  const file = join(root, 'env', `.env.${env}`);
  if (!existsSync(file)) throw new PackageError(`Unknown environment "${env}".`, [`${file} does not exist`]);
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if (existsSync(userFile)) Object.assign(values, parseEnvFile(readFileSync(userFile, 'utf8')));
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value) values[key] = value;
  }
  return values;
}

const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of every ${{VAR}} placeholder in a text. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((m) => m[1] as string))];
}

/**
 * Replaces ${{VAR}} placeholders inside a JSON text; values are escaped as JSON string content. A variable that is
 * absent or empty fails the whole fill, naming every such variable and the file it came from.
 */
export function fillPlaceholders(text: string, values: Record<string, string>, source: string): string {
  const missing = placeholdersIn(text).filter((name) => !values[name]);
  if (missing.length > 0) {
    throw new PackageError(
      `Missing environment variables for ${source} (run provision first, or set them in the env file):`,
      missing,
    );
  }
  return text.replace(placeholder, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
}

function schemaDir(manifestVersion: string): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = join(pkg, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
  if (!existsSync(dir)) throw new PackageError('No bundled schema for this manifest version.', [dir]);
  return dir;
}

/** Loads a schema bundled with @microsoft/app-manifest, so validation never needs the network. */
export function bundledSchema(
  manifestVersion: string,
  file: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json',
): JsonObject {
  // The published schemas contain "\a" and "\v" escapes that JSON.parse refuses; the library cleans them the same way.
  const raw = readFileSync(join(schemaDir(manifestVersion), file), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as JsonObject;
}

function versionOf(manifest: JsonObject): string {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string')
    throw new PackageError('The manifest has no manifestVersion.', ['manifestVersion']);
  return version;
}

/**
 * Validates with the settings of `AppManifestUtils.validateAgainstSchema` (@microsoft/app-manifest): draft-04, all
 * errors, formats uri/email/regex, and the same message shape. That library is not imported here because it
 * `require`s an ES-only module, which the test runner cannot load; the tests check both agree.
 */
function validate(document: JsonObject, schema: JsonObject, unicodeRegExp: boolean): string[] {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const check = ajv.compile(schema);
  if (check(JSON.parse(JSON.stringify(document)))) return [];
  return (check.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`,
  );
}

/** Schema errors of a filled manifest (empty when valid). */
export function validateManifest(manifest: JsonObject): string[] {
  return validate(manifest, bundledSchema(versionOf(manifest), 'MicrosoftTeams.schema.json'), true);
}

/** Schema errors of a filled localization file, against the localization schema of the manifest's version. */
export function validateLocalization(localization: JsonObject, manifestVersion: string): string[] {
  // The localization schema's key patterns (e.g. `\b]`) are invalid under the `u` flag, so the library's own
  // validator cannot compile that schema at all; plain regular expressions read them as intended.
  return validate(
    localization,
    bundledSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json'),
    false,
  );
}

/** The value at a localization key such as `bots[0].commandLists[0].commands[1].title`. */
export function valueAtKey(document: JsonValue, key: string): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(part)] : current[part];
  }
  return current;
}

function stringPaths(value: JsonValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, `${prefix}[${i}]`));
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, prefix ? `${prefix}.${k}` : k));
}

// Localizable URLs stay the same in every language; only text needs a translation.
const untranslated = /(\.url|\.page|\.script|Url)$/;

/**
 * Checks that the localization file and the manifest agree: every key names a string in the manifest, and every
 * translatable string of the manifest has a key.
 */
export function checkLocalizationKeys(
  manifest: JsonObject,
  localization: JsonObject,
  locSchema: JsonObject,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(localization)) {
    if (key === '$schema') continue;
    if (typeof valueAtKey(manifest, key) !== 'string') problems.push(`${key}: not a text in the manifest`);
  }
  const fixed = Object.keys((locSchema.properties as JsonObject | undefined) ?? {}).filter(
    (k) => k !== '$schema' && k !== 'localizationKeys',
  );
  const patterns = Object.keys((locSchema.patternProperties as JsonObject | undefined) ?? {}).map(
    (p) => new RegExp(p),
  );
  for (const path of stringPaths(manifest)) {
    const localizable = fixed.includes(path) || patterns.some((p) => p.test(path));
    if (localizable && !untranslated.test(path) && !(path in localization))
      problems.push(`${path}: no translation`);
  }
  return problems;
}

export interface IconRule {
  name: string;
  size: number;
  /** Outline icons must be white on a transparent background. */
  outline: boolean;
}

/** The two Teams icons and their rules. */
export const iconRules: readonly IconRule[] = [
  { name: 'color.png', size: 192, outline: false },
  { name: 'outline.png', size: 32, outline: true },
];

/** Problems with one icon: not a PNG, wrong size, or (outline) any pixel that is not white or transparent. */
export function checkIcon(data: Buffer, rule: IconRule): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return [`${rule.name}: not a PNG (${error instanceof Error ? error.message : String(error)})`];
  }
  const problems: string[] = [];
  if (png.width !== rule.size || png.height !== rule.size) {
    problems.push(`${rule.name}: ${png.width}×${png.height}, expected ${rule.size}×${rule.size}`);
  }
  if (rule.outline) {
    let coloured = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3] as number;
      if (alpha === 0) transparent++;
      else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) coloured++;
    }
    if (coloured > 0) problems.push(`${rule.name}: ${coloured} pixels are not white`);
    if (transparent === 0) problems.push(`${rule.name}: has no transparent background`);
  }
  return problems;
}

export interface BuildOptions extends EnvironmentOptions {
  env?: string;
  /** Where the zip goes; appPackage/build by default. */
  outDir?: string;
}

export interface BuildResult {
  zipPath: string;
  files: string[];
  manifest: JsonObject;
  localization: JsonObject;
}

function readJson(text: string, source: string): JsonObject {
  try {
    return JSON.parse(text) as JsonObject;
  } catch (error) {
    throw new PackageError(`${source} is not valid JSON.`, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
}

/** Builds and validates the package; throws a PackageError listing every problem, and writes nothing then. */
export async function buildAppPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? repoRoot;
  const env = options.env ?? 'dev';
  const values = loadEnvironment(env, options);
  const manifestDir = join(root, 'manifest');

  const manifestText = fillPlaceholders(
    readFileSync(join(manifestDir, 'manifest.json'), 'utf8'),
    values,
    'manifest/manifest.json',
  );
  const manifest = readJson(manifestText, 'manifest/manifest.json');
  const localizationText = fillPlaceholders(
    readFileSync(join(manifestDir, 'en.json'), 'utf8'),
    values,
    'manifest/en.json',
  );
  const localization = readJson(localizationText, 'manifest/en.json');

  const version = versionOf(manifest);
  const problems = [
    ...validateManifest(manifest).map((e) => `manifest.json ${e}`),
    ...validateLocalization(localization, version).map((e) => `en.json ${e}`),
    ...checkLocalizationKeys(
      manifest,
      localization,
      bundledSchema(version, 'MicrosoftTeams.Localization.schema.json'),
    ),
  ];
  const icons = new Map<string, Buffer>();
  for (const rule of iconRules) {
    const data = readFileSync(join(manifestDir, rule.name));
    icons.set(rule.name, data);
    problems.push(...checkIcon(data, rule));
  }
  if (problems.length > 0) throw new PackageError(`The app package for "${env}" is not valid:`, problems);

  // A fixed timestamp keeps the zip identical for identical input.
  const date = new Date('2026-01-01T00:00:00Z');
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('en.json', `${JSON.stringify(localization, null, 2)}\n`, { date });
  for (const [name, data] of icons) zip.file(name, data, { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  const outDir = options.outDir ?? join(root, 'appPackage', 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  writeFileSync(zipPath, content);
  return { zipPath, files: Object.keys(zip.files).sort(), manifest, localization };
}

/** What the server needs at run time besides its dependencies: it runs its TypeScript sources with tsx. */
export const serverFiles = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'dist',
  'demo',
] as const;
/** Browser sources: already built into dist/. */
const browserSources = ['src/tab', 'src/outlook'];

/** The packages `npm ci --omit=dev` installs, as top-level `node_modules/…` paths from the lock file. */
export function productionPackages(lockText: string): string[] {
  const lock = JSON.parse(lockText) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !entry.dev && !entry.link)
    .map(([path]) => path);
}

export interface StageOptions {
  root?: string;
  outDir?: string;
  /**
   * `npm`: `npm ci --omit=dev` in the staged folder (what deploy runs). `link`: hard links (copies where that
   * fails) of the production packages already in the checkout's node_modules, for a fast, offline check.
   */
  install?: 'npm' | 'link';
}

/**
 * Stages the server as it runs in App Service and the container: its sources, the built tab and task pane,
 * the demo organisation, and production dependencies only. Refuses to stage for deployment without the bundles.
 */
export function stageServer(options: StageOptions = {}): string {
  const root = options.root ?? repoRoot;
  const outDir = options.outDir ?? join(root, 'appPackage', 'build', 'server');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const file of serverFiles) {
    const from = join(root, file);
    if (!existsSync(from)) {
      // A deployment without the bundles would serve a blank tab; the offline check needs only the server.
      if (file === 'dist' && options.install !== 'link')
        throw new PackageError('Build the tab and the task pane first.', ['npm run build']);
      continue;
    }
    cpSync(from, join(outDir, file), {
      recursive: true,
      filter: (source) => !browserSources.some((dir) => source === join(root, dir)),
    });
  }
  if ((options.install ?? 'npm') === 'npm') {
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: outDir, stdio: 'inherit' });
    return outDir;
  }
  const packages = productionPackages(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  for (const path of packages) {
    const from = join(root, path);
    if (!existsSync(from)) continue; // an optional package for another platform
    const to = join(outDir, path);
    mkdirSync(dirname(to), { recursive: true });
    try {
      execFileSync('cp', ['-al', from, to]);
    } catch {
      cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    }
  }
  return outDir;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'server') {
    try {
      console.log(`Staged the server in ${stageServer()}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
    return;
  }
  const env = process.argv[2] ?? 'dev';
  const overrides = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => /^[A-Z][A-Z0-9_]*$/.test(k)),
  );
  try {
    const result = await buildAppPackage({ env, overrides });
    console.log(`Wrote ${result.zipPath} (${result.files.join(', ')})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
