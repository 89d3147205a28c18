/** The layer rules of src (docs/architecture.md): which top-level folder may import which, no folder cycles, small use-case files. */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/**
 * What each top-level folder of src may import besides itself. Inner layers first: domain ← ports ←
 * (store, cards, documents) ← app ← (bot, server); graph and adapters implement ports. cards and documents
 * are pure builders (data → card, data → PDF/JSON) that the application layer uses for notifications and
 * archiving, so they sit below it. The tab and Outlook add-in are browser code: the domain and themselves.
 */
const allowed: Record<string, readonly string[]> = {
  domain: [],
  ports: ['domain'],
  store: ['domain'],
  cards: ['domain'],
  documents: ['domain', 'ports'],
  graph: ['domain', 'ports'],
  adapters: ['domain', 'ports'],
  app: ['domain', 'ports', 'store', 'cards', 'documents'],
  bot: ['domain', 'ports', 'store', 'cards', 'app'],
  server: ['domain', 'ports', 'store', 'cards', 'documents', 'graph', 'adapters', 'app', 'bot'],
  tab: ['domain'],
  outlook: ['domain'],
};

/**
 * Imports allowed against the rules, each with its reason. The test fails when one is no longer needed, so
 * the list only shrinks.
 */
const exceptions: { from: string; to: string; reason: string }[] = [
  {
    from: 'src/tab/api/types.ts',
    to: 'src/app/index.ts',
    reason: 'type-only: the API view types the server answers with (nothing of the app layer is bundled)',
  },
  {
    from: 'src/tab/api/types.ts',
    to: 'src/ports/index.ts',
    reason: 'type-only: DirectoryUser, the shape /api/me answers with',
  },
  {
    from: 'src/outlook/main.tsx',
    to: 'src/cards/links.ts',
    reason: 'the add-in builds the same tab deep links as the cards; links.ts is pure and imports nothing',
  },
];

/** The application layer's files stay readable. */
const maxAppLines = 400;

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const specifiers = [
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const pattern of specifiers) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1] as string;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      found.push({ from: relative(root, file), to: relative(root, target) });
    }
  }
  return found;
}

/** The top-level folder of src a path is in, or undefined outside src. */
function folderOf(path: string): string | undefined {
  const parts = path.split(sep);
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);
const crossFolder = imports.filter((i) => {
  const from = folderOf(i.from);
  const to = folderOf(i.to);
  return from !== undefined && to !== undefined && from !== to;
});
const isException = (i: Import) =>
  exceptions.some((e) => e.from === i.from && i.to.replace(/\.tsx$/, '.ts') === e.to);

/** Folder cycles in a graph of folder → folders, each as a path that returns to its start. */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (next === path[0]) cycles.push([...path, next]);
      else if (!path.includes(next) && next > path[0]!) visit(next, [...path, next]);
    }
  };
  for (const node of [...edges.keys()].sort()) visit(node, [node]);
  return cycles;
}

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(crossFolder.length).toBeGreaterThan(50);
  });

  it('knows every top-level folder of src', () => {
    const folders = new Set(files.map((f) => folderOf(relative(root, f))).filter(Boolean));
    expect([...folders].filter((f) => !(f! in allowed))).toEqual([]);
  });

  it('declares a direction without cycles', () => {
    const declared = new Map(Object.entries(allowed).map(([from, to]) => [from, new Set(to)]));
    expect(cyclesOf(declared)).toEqual([]);
  });

  it('imports only in the declared direction', () => {
    const against = crossFolder
      .filter((i) => !allowed[folderOf(i.from)!]?.includes(folderOf(i.to)!))
      .filter((i) => !isException(i))
      .map((i) => `${i.from} → ${i.to}`);
    expect(against).toEqual([]);
  });

  it('has no import cycle between top-level folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of crossFolder) {
      const from = folderOf(i.from)!;
      edges.set(from, (edges.get(from) ?? new Set()).add(folderOf(i.to)!));
    }
    expect(cyclesOf(edges).map((c) => c.join(' → '))).toEqual([]);
  });

  it('still needs every listed exception', () => {
    const unused = exceptions.filter((e) => !crossFolder.some((i) => i.from === e.from && isException(i)));
    expect(unused).toEqual([]);
  });

  it(`keeps every file of the application layer under ${maxAppLines} lines`, () => {
    const long = files
      .filter((f) => relative(root, f).startsWith(join('src', 'app') + sep))
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > maxAppLines);
    expect(long).toEqual([]);
  });
});
