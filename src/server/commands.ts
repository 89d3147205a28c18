/**
 * The API's view types, re-exported for src/tab/api/types.ts, which still imports them from here (type-only,
 * so nothing of the server is bundled). They live in src/app/views; remove this file once the tab imports
 * them from there (tests/architecture.test.ts lists it as the one allowed exception).
 */
export type { ConversationSummary, ConversationView, PreviousSummary, TeamMember } from '../app/index.js';
