/**
 * Microsoft Graph implementations of the ports (Directory, Calendar, Tasks, Archive) and the Teams app installer.
 */
export * from './app-installer.js';
export * from './batch.js';
export * from './calendar.js';
export * from './chat-history.js';
export * from './client.js';
export * from './directory.js';
export * from './graph-errors.js';
export * from './sharepoint-archive.js';
export * from './tasks.js';
export * from './upload.js';
