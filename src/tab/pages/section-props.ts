/** What each sub-page of a conversation receives from the conversation page. */
import type { ConversationView } from '../api/types.js';

/** What each sub-page of a conversation receives from the conversation page. */
export interface SectionProps {
  view: ConversationView;
  /** Adopt a newer view returned by the server (after a save or a command). */
  onView(view: ConversationView): void;
}
