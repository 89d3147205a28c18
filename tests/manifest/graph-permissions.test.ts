/**
 * The Microsoft Graph permissions the Entra app asks for (aad.manifest.json) are exactly the ones
 * docs/graph-permissions.md explains call by call, and the ones docs/deployment.md tells the administrator to
 * consent to: a permission the code needs and the registration lacks fails only in a real tenant (HR's group check,
 * the approval task), and one asked for and never used is consent given for nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './provisioned.js';

const read = (...path: string[]) => readFileSync(join(repoRoot, ...path), 'utf8');

interface Requested {
  application: string[];
  delegated: string[];
}

function fromManifest(): Requested {
  const manifest = JSON.parse(read('aad.manifest.json')) as {
    requiredResourceAccess: Array<{
      resourceAppId: string;
      resourceAccess: Array<{ id: string; type: string }>;
    }>;
  };
  const graph = manifest.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph');
  const of = (type: string) => (graph?.resourceAccess ?? []).filter((a) => a.type === type).map((a) => a.id);
  return { application: of('Role').sort(), delegated: of('Scope').sort() };
}

/** The table rows of the section under `heading` (up to the next heading of that level or higher). */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`No section "${heading}"`);
  const level = /^#+/.exec(heading)?.[0] ?? '##';
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(---|Permission)/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** The backticked names in a table cell. */
const names = (cell: string | undefined) =>
  [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

function fromPermissionsDoc(): Requested {
  const doc = read('docs', 'graph-permissions.md');
  const column = (heading: string) =>
    tableRows(doc, heading)
      .flatMap((row) => names(row[0]))
      .sort();
  return {
    application: column('## Application permissions'),
    delegated: column('## Delegated permissions'),
  };
}

function fromDeploymentGuide(): Requested {
  const rows = tableRows(read('docs', 'deployment.md'), '## 4. Grant admin consent');
  const of = (type: string) =>
    rows
      .filter((row) => row[1] === type)
      .flatMap((row) => names(row[0]))
      .sort();
  return { application: of('application'), delegated: of('delegated') };
}

describe('Microsoft Graph permissions', () => {
  it('are the ones docs/graph-permissions.md explains, no more and no fewer', () => {
    const requested = fromManifest();
    expect(requested.application.length).toBeGreaterThan(5);
    expect(requested).toEqual(fromPermissionsDoc());
  });

  it('are the ones the deployment guide asks the administrator to consent to', () => {
    expect(fromDeploymentGuide()).toEqual(fromManifest());
  });

  it('cover what the adapters say they call with', () => {
    const { application } = fromManifest();
    // Each Graph adapter names its application permissions in its own header or option comments.
    for (const [file, permission] of [
      ['directory.ts', 'GroupMember.Read.All'],
      ['tasks.ts', 'Tasks.ReadWrite.All'],
      ['calendar.ts', 'Calendars.ReadWrite'],
      ['chat-history.ts', 'Chat.Read.All'],
      ['app-installer.ts', 'TeamsAppInstallation.ReadWriteForUser.All'],
    ] as const) {
      expect(read('src', 'graph', file)).toContain(permission);
      expect(application).toContain(permission);
    }
  });
});
