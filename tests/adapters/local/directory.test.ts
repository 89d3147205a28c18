/** The local directory lists each person with the manager `managerOf` names, from the demo organisation. */
import { describe, expect, it } from '@jest/globals';
import { LocalDirectory, readDemoOrganisation } from '../../../src/adapters/local/directory.js';

const demo = readDemoOrganisation('demo/organisation.json');

describe('LocalDirectory.listUsersWithManagers', () => {
  it('gives every person with the manager managerOf gives, and nobody for a manager the file does not know', async () => {
    const directory = new LocalDirectory({
      ...demo,
      users: [...demo.users, { id: 'stray', displayName: 'Stray', email: '', managerId: 'nobody-known' }],
    });
    const listed = await directory.listUsersWithManagers();
    expect(listed.map((l) => l.user)).toEqual(await directory.listUsers());
    expect(listed.length).toBe(demo.users.length + 1);
    for (const { user, managerId } of listed) {
      expect(managerId).toBe((await directory.managerOf(user.id))?.id);
    }
    expect(listed.filter((l) => l.managerId !== undefined).length).toBeGreaterThan(0);
    expect(listed.find((l) => l.user.id === 'stray')?.managerId).toBeUndefined();
  });

  it('narrows to a department', async () => {
    const directory = new LocalDirectory(demo);
    const department = demo.users.find((u) => u.department)?.department as string;
    const listed = await directory.listUsersWithManagers({ department });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((l) => l.user.department === department)).toBe(true);
  });
});
