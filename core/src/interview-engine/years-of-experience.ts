import type { ParsedResume } from '../resume/parsed-resume.js';
import { keywordStems } from './text-analysis.js';

/**
 * Requirements such as "5+ years building backend services in production" are about time in a
 * kind of work, which a resume shows through its dated roles ("Backend Engineer, 2017 - present"),
 * not through the requirement's own words. Without this, a candidate with nine years as a backend
 * engineer heard "I did not see that on your resume".
 */

const YEARS = /\b(\d{1,2})\s*\+?\s*(?:or more\s+|plus\s+)?years?\b/i;

/** Stems (see text-analysis) of words in a years requirement that do not say what kind of work it is. */
const NOT_THE_WORK = new Set([
  'years',
  'year',
  'exper',
  'work',
  'worki',
  'produ',
  'build',
  'profe',
  'servi',
  'relat',
  'simil',
  'envir',
  'role',
  'roles',
  'hands',
]);

/** The years a requirement asks for ("5+ years ..." → 5), or null when it names none. */
export function requiredYears(requirement: string): number | null {
  const match = YEARS.exec(requirement);
  return match === null ? null : Number(match[1]);
}

/**
 * True when the resume's dated roles that match the requirement's kind of work add up to the years
 * it asks for (overlapping roles counted once).
 */
export function showsRequiredYears(requirement: string, resume: ParsedResume, now: Date): boolean {
  const years = requiredYears(requirement);
  if (years === null) return false;
  const kind = [...keywordStems(requirement.replace(YEARS, ' '))].filter(
    (stem) => !/^\d/.test(stem) && !NOT_THE_WORK.has(stem),
  );
  if (kind.length === 0) return false;
  const spans = resume.experience
    .filter((entry) => {
      const said = keywordStems(`${entry.title ?? ''} ${entry.description ?? ''}`);
      return kind.some((stem) => said.has(stem));
    })
    .map((entry) => ({ from: monthIndex(entry.start, now), to: monthIndex(entry.end, now) }))
    .filter(
      (span): span is { from: number; to: number } =>
        span.from !== null && span.to !== null && span.to >= span.from,
    )
    .sort((a, b) => a.from - b.from);
  let months = 0;
  let coveredUntil = -Infinity;
  for (const { from, to } of spans) {
    const start = Math.max(from, coveredUntil);
    if (to > start) months += to - start;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return months >= years * 12;
}

/** A resume date ("2019", "2019-03", "present") as months since year 0, or null. */
function monthIndex(date: string | null | undefined, now: Date): number | null {
  if (date === null || date === undefined) return null;
  if (/^(present|current|now|today)$/i.test(date.trim()))
    return now.getUTCFullYear() * 12 + now.getUTCMonth();
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(date.trim());
  if (match === null) return null;
  return Number(match[1]) * 12 + (match[2] === undefined ? 0 : Number(match[2]) - 1);
}
