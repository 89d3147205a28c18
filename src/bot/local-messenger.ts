/**
 * The messenger for local runs and tests: every message is kept in memory and appended as a JSON line to
 * `<dataDir>/outbox/messages.jsonl`, so a demo shows what Teams would have received.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage, Messenger, SentMessage } from '../ports/index.js';

/** One recorded send or update. */
export interface RecordedMessage {
  type: 'send' | 'update';
  at: string;
  recipientId: string;
  activityId: string;
  card: Record<string, unknown>;
  summary?: string;
  idempotencyKey?: string;
}

export class LocalMessenger implements Messenger {
  /** Everything sent or updated, oldest first. */
  readonly messages: RecordedMessage[] = [];
  private readonly sentByKey = new Map<string, string>();
  private readonly file: string | undefined;

  /** `dataDir` starting with `memory://` keeps messages in memory only. */
  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = dataDir.startsWith('memory://') ? undefined : join(dataDir, 'outbox', 'messages.jsonl');
    if (this.file && existsSync(this.file)) this.load(this.file);
  }

  async send(message: ChatMessage): Promise<SentMessage> {
    const earlier = this.sentByKey.get(message.idempotencyKey);
    // A retried job must not post twice: the first send's activity id answers the retry.
    if (earlier) return { activityId: earlier };
    const activityId = `local-${randomUUID()}`;
    this.sentByKey.set(message.idempotencyKey, activityId);
    this.record({
      type: 'send',
      at: this.now().toISOString(),
      recipientId: message.recipientId,
      activityId,
      card: message.card,
      summary: message.summary,
      idempotencyKey: message.idempotencyKey,
    });
    return { activityId };
  }

  async update(recipientId: string, activityId: string, card: Record<string, unknown>): Promise<void> {
    this.record({ type: 'update', at: this.now().toISOString(), recipientId, activityId, card });
  }

  /** Messages sent to one person (not updates), oldest first. */
  sentTo(recipientId: string): RecordedMessage[] {
    return this.messages.filter((m) => m.type === 'send' && m.recipientId === recipientId);
  }

  /** The card an activity shows now: its last update, or what was sent. */
  currentCard(activityId: string): Record<string, unknown> | undefined {
    return this.messages.filter((m) => m.activityId === activityId).at(-1)?.card;
  }

  private record(entry: RecordedMessage): void {
    this.messages.push(entry);
    if (!this.file) return;
    mkdirSync(join(this.file, '..'), { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  private load(file: string): void {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as RecordedMessage;
        this.messages.push(entry);
        if (entry.type === 'send' && entry.idempotencyKey)
          this.sentByKey.set(entry.idempotencyKey, entry.activityId);
      } catch {
        // A line cut short by a crash is skipped; the rest of the log still counts.
        continue;
      }
    }
  }
}
