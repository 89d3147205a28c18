/** A manager lets someone act for them for a period (explicit delegation). */
import { DomainError, errors } from '../../domain/index.js';
import type { AppContext } from '../context.js';

/** A manager lets someone act for them for a period (explicit delegation). */
export async function delegate(
  ctx: AppContext,
  viewerId: string,
  input: { delegateId: string; from: string; until: string },
): Promise<void> {
  if ((await ctx.directory.directReports(viewerId)).length === 0) throw errors.forbidden('delegate');
  if (!(await ctx.directory.getUser(input.delegateId)) || input.delegateId === viewerId) {
    throw new DomainError('invalid', 'invalid_delegate', {
      nl: 'Kies een bestaande collega als vervanger.',
      en: 'Choose an existing colleague as delegate.',
    });
  }
  if (Date.parse(input.until) <= Date.parse(input.from)) throw errors.invalidSchedule();
  await ctx.store.saveDelegation({
    managerId: viewerId,
    delegateId: input.delegateId,
    from: input.from,
    until: input.until,
  });
  await ctx.store.appendAudit({
    actorId: viewerId,
    conversationId: null,
    subjectId: viewerId,
    action: 'delegation.created',
    details: input,
  });
}
