export * from './answers.js';
export * from './conversation.js';
export * from './errors.js';
export * from './formats.js';
export * from './policy.js';
export * from './team.js';
export * from './text.js';
export * from './retention.js';
