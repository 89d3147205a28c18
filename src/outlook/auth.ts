/**
 * Who the task pane acts for. In Entra mode Outlook signs the user in through nested app authentication (NAA):
 * a silent token for the API's `access_as_user` scope, a popup when consent is needed. In local mode the demo
 * organisation's `X-Demo-User` header is used, as the tab does.
 */
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { PublicConfig } from './api-client.js';

/** Supplies the headers that identify the user on every API call. */
export type AuthHeaders = () => Promise<Record<string, string>>;

const demoUserKey = 'gesprekscyclus.outlook.demoUser';

/** The demo user chosen in this browser (local mode), if any. */
export function storedDemoUser(): string | null {
  return globalThis.localStorage?.getItem(demoUserKey) ?? null;
}

export function storeDemoUser(id: string): void {
  globalThis.localStorage?.setItem(demoUserKey, id);
}

/** Headers for local mode. */
export function demoAuth(userId: () => string | null): AuthHeaders {
  return async (): Promise<Record<string, string>> => {
    const id = userId();
    return id ? { 'X-Demo-User': id } : {};
  };
}

/** Headers for Entra mode, from a nestable MSAL client (created once). */
export function naaAuth(config: PublicConfig): AuthHeaders {
  if (!config.clientId || !config.apiScope)
    throw new Error('The server sends no clientId/apiScope for sign-in.');
  const scopes = [config.apiScope];
  let client: Promise<IPublicClientApplication> | undefined;
  return async () => {
    client ??= createNestablePublicClientApplication({
      auth: {
        clientId: config.clientId as string,
        authority: 'https://login.microsoftonline.com/organizations',
      },
    });
    const msal = await client;
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    try {
      const result = await msal.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      return { Authorization: `Bearer ${result.accessToken}` };
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      const result = await msal.acquireTokenPopup({ scopes });
      return { Authorization: `Bearer ${result.accessToken}` };
    }
  };
}
