/**
 * The Microsoft Graph client factory: auth → retry (429/503/504, Retry-After) → redirect → telemetry → timeout → HTTP.
 * App-only calls use a credential picked from configuration; calls that must run as the signed-in user use the
 * on-behalf-of flow.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { ConfidentialClientApplication, type Configuration, type OnBehalfOfRequest } from '@azure/msal-node';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { GraphConfig } from './config.js';
import { RetryDelayScaler, TimeoutHandler } from './middleware.js';

export { graphConfigSchema, parseGraphConfig, type GraphConfig } from './config.js';

/** The scope for app-only and on-behalf-of Graph tokens: whatever the app was granted. */
export const graphScope = 'https://graph.microsoft.com/.default';

/** How the client behaves on the wire. */
export interface GraphClientOptions {
  authProvider: AuthenticationProvider;
  /** Budget for one HTTP attempt; each retry gets a fresh one. */
  timeoutMs?: number;
  /** Retries on 429/503/504; at most 10 (the SDK's cap). */
  maxRetries?: number;
  /** Base delay in seconds when the server sends no Retry-After. */
  retryDelaySeconds?: number;
  /**
   * Multiplies every retry delay, Retry-After included. 1 in production; tests use e.g. 0.01 so a
   * `Retry-After: 2` costs 20 ms while still being honoured proportionally.
   */
  retryDelayScale?: number;
  /** Another Graph endpoint than graph.microsoft.com (a national cloud, or a fake one on loopback in the bench). */
  baseUrl?: string;
}

/** Builds a Graph client with our middleware chain. */
export function createGraphClient(options: GraphClientOptions): Client {
  const scale = options.retryDelayScale ?? 1;
  const delay = options.retryDelaySeconds ?? 3;
  const middleware: Middleware[] = [
    new AuthenticationHandler(options.authProvider),
    new RetryHandler(new RetryHandlerOptions(delay, options.maxRetries ?? 5)),
    ...(scale === 1 ? [] : [new RetryDelayScaler(scale, delay)]),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new TimeoutHandler(options.timeoutMs ?? 30_000),
    new HTTPMessageHandler(),
  ];
  const endpoint = options.baseUrl
    ? { baseUrl: options.baseUrl, customHosts: new Set([new URL(options.baseUrl).hostname]) }
    : {};
  return Client.initWithMiddleware({ middleware, ...endpoint });
}

/** The settings that choose the app's own credential. */
export type GraphCredentialConfig = Pick<
  GraphConfig,
  'tenantId' | 'clientId' | 'clientSecret' | 'certificatePath' | 'managedIdentityClientId'
>;

/** The app's own credential, chosen by configuration: secret, certificate or managed identity. */
export function appCredential(config: GraphCredentialConfig): TokenCredential {
  if (config.clientSecret)
    return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
  if (config.certificatePath)
    return new ClientCertificateCredential(config.tenantId, config.clientId, config.certificatePath);
  return config.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
    : new ManagedIdentityCredential();
}

/** The SDK's auth provider for an Azure credential: app-only Graph tokens, cached by the credential. */
export function credentialAuthProvider(credential: TokenCredential): AuthenticationProvider {
  return new TokenCredentialAuthenticationProvider(credential, { scopes: [graphScope] });
}

/** The app-only client every adapter uses by default. */
export function createAppGraphClient(
  config: GraphCredentialConfig & Pick<GraphConfig, 'requestTimeoutMs' | 'maxRetries'>,
  overrides: Partial<GraphClientOptions> = {},
): Client {
  return createGraphClient({
    authProvider: credentialAuthProvider(appCredential(config)),
    timeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    ...overrides,
  });
}

/** The part of MSAL's confidential client the on-behalf-of flow needs (injectable for tests). */
export interface OnBehalfOfClient {
  acquireTokenOnBehalfOf(request: OnBehalfOfRequest): Promise<{ accessToken: string } | null>;
}

/**
 * Exchanges the user's token (from the tab's SSO / NAA) for a Graph token, for calls that must run as that user,
 * such as `findMeetingTimes`. MSAL caches the exchanged tokens per assertion.
 */
export class OnBehalfOfTokenProvider {
  private readonly app: OnBehalfOfClient;

  constructor(config: GraphConfig, app?: OnBehalfOfClient) {
    this.app = app ?? new ConfidentialClientApplication(onBehalfOfConfiguration(config));
  }

  /** An auth provider that acts as the user whose token is `userAssertion`. */
  forUser(userAssertion: string): AuthenticationProvider {
    return {
      getAccessToken: async () => {
        const result = await this.app.acquireTokenOnBehalfOf({
          oboAssertion: userAssertion,
          scopes: [graphScope],
        });
        if (!result) throw new Error('The on-behalf-of exchange returned no token');
        return result.accessToken;
      },
    };
  }
}

/** A client acting as the signed-in user. */
export function createUserGraphClient(
  config: GraphConfig,
  provider: OnBehalfOfTokenProvider,
  userAssertion: string,
  overrides: Partial<GraphClientOptions> = {},
): Client {
  return createGraphClient({
    authProvider: provider.forUser(userAssertion),
    timeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    ...overrides,
  });
}

/** MSAL configuration for the on-behalf-of flow, with the same credential kind as the app-only one. */
export function onBehalfOfConfiguration(config: GraphConfig): Configuration {
  const authority = `https://login.microsoftonline.com/${config.tenantId}`;
  if (config.clientSecret)
    return { auth: { clientId: config.clientId, authority, clientSecret: config.clientSecret } };
  if (config.certificatePath) {
    const pem = readFileSync(config.certificatePath, 'utf8');
    const certificate = new X509Certificate(pem);
    const privateKey = createPrivateKey(pem).export({ format: 'pem', type: 'pkcs8' }).toString();
    return {
      auth: {
        clientId: config.clientId,
        authority,
        clientCertificate: {
          thumbprintSha256: certificate.fingerprint256.replaceAll(':', ''),
          privateKey,
          x5c: pem,
        },
      },
    };
  }
  // A managed identity cannot do on-behalf-of itself: it signs a federated credential assertion for the app.
  const identity = config.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
    : new ManagedIdentityCredential();
  return {
    auth: {
      clientId: config.clientId,
      authority,
      clientAssertion: async () => {
        const token = await identity.getToken('api://AzureADTokenExchange/.default');
        if (!token) throw new Error('The managed identity returned no assertion token');
        return token.token;
      },
    },
  };
}
