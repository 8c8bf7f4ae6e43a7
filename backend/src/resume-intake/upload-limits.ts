/** RELIABILITY UP-1: a resume larger than this is refused before it is parsed. */
export const DEFAULT_RESUME_MAX_BYTES = 5 * 1024 * 1024;
