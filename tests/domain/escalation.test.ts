/** The out-of-office escalation rule: who covers an away approver, and until when. */
import { describe, expect, it } from '@jest/globals';
import { escalationDays, mayEscalate, outOfOfficeDelegation } from '../../src/domain/index.js';

const conversation = { employeeId: 'thomas' };
const now = '2026-12-01T09:00:00.000Z';

describe('out-of-office escalation', () => {
  it('hands an away manager to their own manager until the absence ends', () => {
    expect(
      outOfOfficeDelegation({
        conversation,
        approverId: 'jeroen',
        absence: { active: true, until: '2026-12-08T17:00:00.000Z' },
        standInId: 'petra',
        now,
      }),
    ).toEqual({ managerId: 'jeroen', delegateId: 'petra', from: now, until: '2026-12-08T17:00:00.000Z' });
  });

  it('covers an open-ended absence for 14 days', () => {
    expect(escalationDays).toBe(14);
    const delegation = outOfOfficeDelegation({
      conversation,
      approverId: 'jeroen',
      absence: { active: true },
      standInId: 'petra',
      now,
    });
    expect(delegation?.until).toBe('2026-12-15T09:00:00.000Z');
  });

  it('never escalates the employee, who decides for themselves', () => {
    expect(mayEscalate(conversation, 'thomas')).toBe(false);
    expect(mayEscalate(conversation, 'jeroen')).toBe(true);
    expect(
      outOfOfficeDelegation({
        conversation,
        approverId: 'thomas',
        absence: { active: true },
        standInId: 'jeroen',
        now,
      }),
    ).toBeUndefined();
  });

  it('leaves an approver who is not away, or has no manager to stand in, alone', () => {
    const base = { conversation, approverId: 'jeroen', now };
    expect(
      outOfOfficeDelegation({
        ...base,
        absence: { active: false, until: '2026-12-08T00:00:00Z' },
        standInId: 'petra',
      }),
    ).toBeUndefined();
    expect(
      outOfOfficeDelegation({ ...base, absence: { active: true }, standInId: undefined }),
    ).toBeUndefined();
  });
});
