/** The application layer's public surface: the use cases HTTP and the bot call, and the context they run in. */
export type { AppContext } from './context.js';
export type { Config } from './config.js';
export { runCommand, type PersonCommand } from './commands/run-command.js';
export { runSystemCommand } from './commands/system.js';
export { planConversation, requestConversation, type PlanInput } from './commands/plan.js';
export { delegate } from './commands/delegation.js';
export { eraseEmployeeData, exportOwnData, runRetention } from './commands/privacy.js';
export { conversationAudit, getConversationView } from './queries/conversation.js';
export { listConversations } from './queries/list.js';
export { teamOverview, teamVitality, type TeamMember } from './queries/team.js';
export { archivedDocument, archiveIndex } from './queries/archive.js';
export { freeSlots } from './queries/free-slots.js';
export type { ConversationView } from './views/present.js';
export type { ConversationSummary } from './views/summarize.js';
export type { PreviousSummary } from './views/previous-summary.js';
export { localeOf, namesFor } from './views/people.js';
export { Outbox } from './jobs/outbox.js';
export { startWorkers } from './jobs/workers.js';
