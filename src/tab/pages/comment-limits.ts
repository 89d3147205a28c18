/** The comment limit of a decision, straight from the domain's limits (no zod on the tab's first load). */
import { limits } from '../../domain/limits.js';

/** The longest remark or comment a decision may carry, so the field counts what the server checks. */
export const commentLength = limits.commentLength;
