export * from './common.js';
export * from './auth.js';
export * from './organization.js';
export * from './users.js';
export * from './notifications.js';
export * from './audit.js';
export * from './privacy.js';
export * from './learning.js';
