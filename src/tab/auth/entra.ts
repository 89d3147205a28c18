/**
 * Entra sign-in inside Teams: MSAL Nested App Authentication when the host recommends it, otherwise the
 * teams-js SSO token. Loaded on demand, so local mode never downloads MSAL.
 */
import {
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { authentication, nestedAppAuth } from '@microsoft/teams-js';

export interface EntraSettings {
  clientId: string;
  apiScope: string;
}

/** Returns a function that yields a fresh access token for the API on every call (MSAL caches). */
export async function createEntraTokenSource(settings: EntraSettings): Promise<() => Promise<string>> {
  if (!nestedAppAuth.isNAAChannelRecommended()) {
    return () => authentication.getAuthToken();
  }
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: 'https://login.microsoftonline.com/organizations' },
  });
  const scopes = [settings.apiScope];
  return async () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      const result = await pca.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      // Consent or MFA needed: the host shows its own popup.
      const result = await pca.acquireTokenPopup({ scopes });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
}
