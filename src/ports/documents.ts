/** The document port: what the final document shows, and the renderer that turns it into a PDF (src/documents). */
import type { Conversation } from '../domain/index.js';

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

/** One audit entry as the document prints it. */
export interface AuditEntryView {
  at: string;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}
