export * from './errors/app-error.js';
export * from './jobs/job.js';
export * from './config/mode.js';
export * from './health.js';
export * from './resume/parsed-resume.js';
export * from './interviews/interview.js';
export * from './agent/agent-protocol.js';
