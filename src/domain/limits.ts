/**
 * Limits that keep one conversation a document a person can read, and the database healthy. Plain numbers, free of
 * the validation library, so the tab can count what the server checks.
 */
export const limits = {
  textLength: 10_000,
  titleLength: 300,
  listItems: 50,
  /** A remark, comment or reason given with a decision or a cancellation. */
  commentLength: 2_000,
} as const;
