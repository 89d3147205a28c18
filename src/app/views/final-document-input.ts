/** The presenter behind the archived document: a conversation's version with every id resolved to a name. */
import type { Conversation } from '../../domain/index.js';
import type { FinalDocumentInput } from '../../ports/documents.js';
import type { AppContext } from '../context.js';
import { namesFor } from './people.js';

/** Everything the final document shows, with ids resolved to names. */
export async function finalDocumentInput(
  ctx: AppContext,
  conversation: Conversation,
  version: number,
): Promise<FinalDocumentInput> {
  const audit = await ctx.store.auditOf(conversation.id);
  const actors = audit.map((a) => a.actorId);
  // Only names the directory knows: the document prints "(naam onbekend)" for the rest, never an id. The system
  // is nobody in the directory; the archived record names it as the document does.
  const names = await namesFor(ctx, conversation, actors, 'left-out');
  if (actors.includes('system')) names.system = 'Systeem';
  // Someone the directory no longer knows has no name here (the document says so), rather than an id.
  const employee = (await ctx.directory.getUser(conversation.employeeId)) ?? {
    id: conversation.employeeId,
    displayName: '',
  };
  const manager = (await ctx.directory.getUser(conversation.managerId)) ?? {
    id: conversation.managerId,
    displayName: '',
  };
  return {
    organisation: ctx.organisationName,
    conversation,
    version,
    employee: {
      id: employee.id,
      displayName: employee.displayName,
      ...('jobTitle' in employee && employee.jobTitle ? { jobTitle: employee.jobTitle } : {}),
      ...('department' in employee && employee.department ? { department: employee.department } : {}),
    },
    manager: {
      id: manager.id,
      displayName: manager.displayName,
      ...('jobTitle' in manager && manager.jobTitle ? { jobTitle: manager.jobTitle } : {}),
    },
    names,
    audit: audit
      .filter((a) => a.action !== 'conversation.read')
      .map((a) => ({ at: a.at, actorId: a.actorId, action: a.action, details: a.details })),
    generatedAt: ctx.now().toISOString(),
  };
}
