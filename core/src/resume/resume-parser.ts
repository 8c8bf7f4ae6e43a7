/** The resume parser's public surface: layout types, reading order, parsing, and its version. */
export * from './layout.js';
export { layoutToLines } from './reading-order.js';
export { textToLines } from './plain-text-lines.js';
export { parseResumeLines, RESUME_PARSER_VERSION } from './parse-resume.js';
export { normalizeDate, findDates } from './resume-dates.js';
export { normalizeLink } from './contact.js';
