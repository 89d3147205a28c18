/**
 * The wiring every entry point shares: ports, store and configuration. Built once at start-up
 * (src/server/main.ts) and passed down; nothing reads globals.
 */
import type { Archive, Calendar, Directory, Messenger, Tasks } from '../ports/index.js';
import type { Store } from '../store/store.js';
import type { Config } from './config.js';
import type { Conversation } from '../domain/index.js';
import type { Outbox } from './outbox.js';

/** Renders the approved version of a conversation to a PDF (src/documents). */
export interface DocumentRenderer {
  render(input: FinalDocumentInput): Promise<Uint8Array>;
  /** Releases what the renderer holds (worker threads); called when the app stops. */
  close?(): Promise<void>;
}

/** Everything the final document shows, resolved from ids to names. */
export interface FinalDocumentInput {
  organisation: string;
  conversation: Conversation;
  version: number;
  employee: { id: string; displayName: string; jobTitle?: string; department?: string };
  manager: { id: string; displayName: string; jobTitle?: string };
  /** Display names of everyone in decisions and the audit trail, by id. */
  names: Record<string, string>;
  audit: AuditEntryView[];
  generatedAt: string;
}

export interface AuditEntryView {
  at: string;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}

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
  /** The organisation's display name, printed on documents. */
  organisationName: string;
  /** The clock, injectable for tests. */
  now(): Date;
}
