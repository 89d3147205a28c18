/**
 * Sign-in hardening in Entra mode: a refused token gets the same 401 whatever check failed (the reason is logged,
 * not told), and only people in the directory get in: a guest account or an unknown user gets a 403 that says so,
 * instead of a placeholder profile.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { entraSuite, fatimasClaims as member } from '../support/entra.js';

const warned: string[] = [];
// Before the server starts, so its warnings about refused tokens are caught from the first.
beforeAll(() => {
  jest.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    warned.push(String(message));
  });
});
afterAll(() => {
  jest.restoreAllMocks();
});

const entra = entraSuite({ workers: false, env: { LOG_LEVEL: 'warn' } });
const { sign: signed, me } = entra;

describe('Entra sign-in', () => {
  it('lets a member of the directory in', async () => {
    const response = await me(await signed(member));
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: 'fatima', displayName: 'Fatima El Amrani' });
  });

  it('answers every refused token with the same 401 body, and logs which check failed', async () => {
    const bodies = [
      await me(),
      await me(await signed(member, { key: entra.untrusted })),
      await me(await signed({ ...member, scp: 'User.Read' })),
      await me(await signed({ ...member, tid: 'another-tenant' })),
    ];
    for (const response of bodies) expect(response.status).toBe(401);
    expect(new Set(bodies.map((b) => JSON.stringify(b.body))).size).toBe(1);
    expect(bodies[0]?.body).not.toHaveProperty('reason');
    expect(JSON.stringify(bodies[0]?.body)).not.toMatch(/scope|signature|tenant|bearer/i);
    expect(warned.join('\n')).toMatch(/access_as_user scope/);
    expect(warned.join('\n')).toMatch(/another tenant/);
  });

  it('refuses guest accounts with a 403 that says so', async () => {
    for (const claims of [
      { ...member, acct: 1 },
      { ...member, idp: 'https://sts.windows.net/99999999-8888-7777-6666-555555555555/' },
    ]) {
      const response = await me(await signed(claims));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('guest_account');
      expect(response.body.title).toMatch(/guest account/);
    }
  });

  it('refuses someone the directory does not know with a 403, not a placeholder profile', async () => {
    const response = await me(await signed({ ...member, oid: '0f0f0f0f-unknown' }));
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('not_in_directory');
    expect(response.body.detail).toMatch(/medewerkerslijst|staff directory/);
  });
});
