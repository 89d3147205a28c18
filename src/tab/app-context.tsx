/** What every page of the tab may use: the API client, the signed-in person, the host and the demo session. */
import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client.js';
import type { DirectoryUser, Me, PublicConfig } from './api/types.js';
import type { HostInfo } from './host/host.js';

/** Demo sign-in (local mode only): the chosen user and the list to choose from. */
export interface DemoSession {
  users: DirectoryUser[];
  userId: string;
  setUserId(id: string): void;
}

/** Everything a page needs from the app around it. */
export interface AppServices {
  api: ApiClient;
  config: PublicConfig;
  me: Me;
  host: HostInfo;
  demo: DemoSession | undefined;
}

const AppContext = createContext<AppServices | null>(null);

export const AppProvider = AppContext.Provider;

/** The app services; only used below the bootstrap, which always provides them. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppProvider');
  return services;
}
