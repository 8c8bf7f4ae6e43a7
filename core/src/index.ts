export * from './errors/app-error.js';
export * from './jobs/job.js';
export * from './config/mode.js';
export * from './health.js';
