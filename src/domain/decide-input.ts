/** A reaction to an offered version as every surface sends it: the card's action data, the bot and the HTTP command. */
import { z } from 'zod';
import { decisions } from './conversation.js';
import { limits } from './answers.js';

/** The one shape of a reaction: which version, which choice, and the remark or comment that goes with it. */
export const decideInputSchema = z.object({
  version: z.coerce.number().int().min(1),
  decision: z.enum(decisions),
  comment: z.string().max(limits.commentLength).optional(),
});
export type DecideInput = z.infer<typeof decideInputSchema>;
