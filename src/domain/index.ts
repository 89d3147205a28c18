/** The domain's public surface: the state machine, formats, policies and rules, pure and free of I/O. */
export * from './answers.js';
export * from './conversation.js';
export * from './errors.js';
export * from './formats.js';
export * from './policy.js';
export * from './team.js';
export * from './text.js';
export * from './retention.js';
export * from './audit.js';
export * from './circle.js';
export * from './confidentiality.js';
export * from './signing.js';
export * from './escalation.js';
export * from './round.js';
export * from './decide-input.js';
export * from './meeting-chat.js';
