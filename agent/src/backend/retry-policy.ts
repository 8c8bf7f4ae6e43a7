/** Exponential backoff with full jitter (REL-2): a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
