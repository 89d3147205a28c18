import type { limits } from '../../domain/answers.js';

/**
 * The longest remark or comment a decision may carry, so the field counts what the server checks. Typed as the
 * domain's literal, so a change there fails the type check here; a value import would bring zod (the domain's
 * validation) into the tab's shared code.
 */
export const commentLength: (typeof limits)['commentLength'] = 2_000;
