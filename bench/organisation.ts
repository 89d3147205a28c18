/**
 * A synthetic organisation for load: one director, managers with a fixed span of control, and as many
 * employees as the bench needs, in the demo directory's file format.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The written organisation: its file and who is who. */
export interface BenchOrganisation {
  path: string;
  employees: string[];
  /** Manager id per employee id. */
  managerOf: Map<string, string>;
}

/** Writes an organisation of `employees` employees, `span` per manager, to a temporary file. */
export function writeBenchOrganisation(employees: number, span = 25): BenchOrganisation {
  const users: Array<Record<string, string>> = [
    { id: 'director', displayName: 'Directeur', email: 'director@bench.example', locale: 'nl-NL' },
  ];
  const managerOf = new Map<string, string>();
  const ids: string[] = [];
  for (let m = 0; m * span < employees; m++) {
    users.push({
      id: `m${m}`,
      displayName: `Leidinggevende ${m}`,
      email: `m${m}@bench.example`,
      managerId: 'director',
      locale: 'nl-NL',
    });
  }
  for (let e = 0; e < employees; e++) {
    const manager = `m${Math.floor(e / span)}`;
    users.push({
      id: `e${e}`,
      displayName: `Medewerker ${e}`,
      email: `e${e}@bench.example`,
      managerId: manager,
      locale: 'nl-NL',
    });
    managerOf.set(`e${e}`, manager);
    ids.push(`e${e}`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'bench-org-')), 'organisation.json');
  writeFileSync(
    path,
    JSON.stringify({
      organisation: { name: 'Gemeente Benchstad', tenantId: 'bench-tenant' },
      hrGroup: [],
      users,
    }),
  );
  return { path, employees: ids, managerOf };
}
