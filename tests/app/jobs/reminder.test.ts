/** The reminder queue's payload: typed fields, and reminders queued in the earlier `reason` form still read. */
import { describe, expect, it } from '@jest/globals';
import { reminderPayload } from '../../../src/app/jobs/reminder.js';

const fields = { conversationId: 'c1', recipientId: 'jeroen' };

describe('reminder payload', () => {
  it('reads the typed forms', () => {
    expect(reminderPayload.parse({ ...fields, kind: 'prepare' })).toEqual({ ...fields, kind: 'prepare' });
    expect(reminderPayload.parse({ ...fields, kind: 'approval', version: 3 })).toEqual({
      ...fields,
      kind: 'approval',
      version: 3,
    });
  });

  it('reads reminders queued before the typed fields', () => {
    expect(reminderPayload.parse({ ...fields, reason: 'prepare' })).toEqual({ ...fields, kind: 'prepare' });
    expect(reminderPayload.parse({ ...fields, reason: 'approval:v3' })).toEqual({
      ...fields,
      kind: 'approval',
      version: 3,
    });
  });

  it('refuses an approval reminder without a version', () => {
    expect(reminderPayload.safeParse({ ...fields, kind: 'approval' }).success).toBe(false);
    expect(reminderPayload.safeParse({ ...fields, reason: 'approval:v' }).success).toBe(false);
  });
});
