/**
 * The wiring every entry point shares: ports, store and configuration. Built once at start-up
 * (src/server/app.ts) and passed down; nothing reads globals.
 */
import type { Archive, Calendar, ChatHistory, Directory, Messenger, Tasks } from '../ports/index.js';
import type { DocumentRenderer } from '../ports/documents.js';
import type { Store } from '../store/store.js';
import type { Config } from './config.js';
import type { Outbox } from './jobs/outbox.js';

export interface AppContext {
  config: Config;
  store: Store;
  directory: Directory;
  calendar: Calendar;
  messenger: Messenger;
  tasks: Tasks;
  archive: Archive;
  renderer: DocumentRenderer;
  /** The transactional outbox (pg-boss) side effects are written to. */
  outbox: Outbox;
  /** Installs the Teams app for a user (Graph); absent with the local adapters. */
  appInstaller?: { ensureInstalled(userId: string): Promise<unknown> };
  /** Reads the bot's messages back from a person's chat (Graph), so a post whose answer was lost is not repeated. */
  chatHistory?: ChatHistory;
  /** The organisation's display name, printed on documents. */
  organisationName: string;
  /** The clock, injectable for tests. */
  now(): Date;
}
