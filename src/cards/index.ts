/** Adaptive Cards: pure functions from typed data to card JSON (schema 1.5), in Dutch and English. */
export * from './approval-card.js';
export * from './elements.js';
export * from './escape.js';
export * from './help-card.js';
export * from './i18n.js';
export * from './invitation-card.js';
export * from './links.js';
export * from './notice-cards.js';
export * from './reminder-card.js';
export * from './request-card.js';
export * from './status-card.js';
