import { normalizeLink, type ParsedResume } from '@screenline/core';

/**
 * Scores parsed resumes against their labels. Scalars count as right or wrong after light
 * normalisation (case, spaces, edge punctuation); lists get an F1; experience and education entries
 * are paired with their best match first, then each sub-field is scored over the larger count, so
 * both missing and invented entries cost. Free text (summary, descriptions) scores its token F1,
 * rounded up to 1 from 0.8.
 */

export const SCORED_FIELDS = [
  'name',
  'email',
  'phone',
  'location',
  'links',
  'summary',
  'skills',
  'experience.employer',
  'experience.title',
  'experience.start',
  'experience.end',
  'experience.description',
  'education.institution',
  'education.degree',
  'education.end',
  'languages',
  'certifications',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
export type FieldScores = Record<ScoredField, number>;

const normalize = (value: string | null): string =>
  (value ?? '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:|–—-]+|[\s.,;:|–—-]+$/g, '')
    .trim();

const tokens = (value: string | null): string[] =>
  normalize(value)
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((token) => token !== '');

/** Token F1 of two texts (1 when both are empty). */
export function tokenF1(expected: string | null, actual: string | null): number {
  const want = tokens(expected);
  const got = tokens(actual);
  if (want.length === 0 && got.length === 0) return 1;
  if (want.length === 0 || got.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of want) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of got) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / got.length;
  const recall = common / want.length;
  return (2 * precision * recall) / (precision + recall);
}

const textScore = (expected: string | null, actual: string | null): number => {
  const f1 = tokenF1(expected, actual);
  return f1 >= 0.8 ? 1 : f1;
};
const exact = (expected: string | null, actual: string | null): number =>
  normalize(expected) === normalize(actual) ? 1 : 0;

/** F1 of two lists, items compared by `isSame`. */
export function listF1(
  expected: string[],
  actual: string[],
  isSame: (a: string, b: string) => boolean,
): number {
  if (expected.length === 0 && actual.length === 0) return 1;
  if (expected.length === 0 || actual.length === 0) return 0;
  const unused = [...actual];
  let matched = 0;
  for (const item of expected) {
    const index = unused.findIndex((candidate) => isSame(item, candidate));
    if (index >= 0) {
      matched += 1;
      unused.splice(index, 1);
    }
  }
  if (matched === 0) return 0;
  const precision = matched / actual.length;
  const recall = matched / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

const sameText = (a: string, b: string): boolean => normalize(a) === normalize(b);
const sameLink = (a: string, b: string): boolean =>
  (normalizeLink(a) ?? a) === (normalizeLink(b) ?? b);
const similarText = (a: string, b: string): boolean => tokenF1(a, b) >= 0.8;

/** Pairs expected entries with predicted ones by similarity; scores sub-fields over the larger count. */
function entryScores<T>(
  expected: T[],
  actual: T[],
  key: (entry: T) => string,
  fields: ((want: T, got: T) => number)[],
): number[] {
  const denominator = Math.max(expected.length, actual.length);
  if (denominator === 0) return fields.map(() => 1);
  const unused = [...actual];
  const totals = fields.map(() => 0);
  for (const want of expected) {
    let bestIndex = -1;
    let best = 0.2;
    unused.forEach((candidate, index) => {
      const similarity = tokenF1(key(want), key(candidate));
      if (similarity > best) {
        best = similarity;
        bestIndex = index;
      }
    });
    if (bestIndex < 0) continue;
    const [got] = unused.splice(bestIndex, 1);
    if (got === undefined) continue;
    fields.forEach((score, index) => {
      totals[index] = (totals[index] ?? 0) + score(want, got);
    });
  }
  return totals.map((total) => total / denominator);
}

/** Per-field scores (0..1) of one parsed resume against its label. */
export function scoreResume(expected: ParsedResume, actual: ParsedResume): FieldScores {
  const [employer = 0, title = 0, start = 0, end = 0, description = 0] = entryScores(
    expected.experience,
    actual.experience,
    (entry) => `${entry.employer ?? ''} ${entry.title ?? ''}`,
    [
      (want, got) => exact(want.employer, got.employer),
      (want, got) => exact(want.title, got.title),
      (want, got) => exact(want.start, got.start),
      (want, got) => exact(want.end, got.end),
      (want, got) => textScore(want.description, got.description),
    ],
  );
  const [institution = 0, degree = 0, educationEnd = 0] = entryScores(
    expected.education,
    actual.education,
    (entry) => `${entry.institution ?? ''} ${entry.degree ?? ''}`,
    [
      (want, got) => exact(want.institution, got.institution),
      (want, got) => exact(want.degree, got.degree),
      (want, got) => exact(want.end, got.end),
    ],
  );
  return {
    name: exact(expected.name, actual.name),
    email: exact(expected.email, actual.email),
    phone: exact(expected.phone, actual.phone),
    location: exact(expected.location, actual.location),
    links: listF1(expected.links, actual.links, sameLink),
    summary: textScore(expected.summary, actual.summary),
    skills: listF1(expected.skills, actual.skills, sameText),
    'experience.employer': employer,
    'experience.title': title,
    'experience.start': start,
    'experience.end': end,
    'experience.description': description,
    'education.institution': institution,
    'education.degree': degree,
    'education.end': educationEnd,
    languages: listF1(expected.languages, actual.languages, sameText),
    certifications: listF1(expected.certifications, actual.certifications, similarText),
  };
}

/** Field averages over many resumes, in percent, and their mean. */
export function summarizeScores(perResume: FieldScores[]): { fields: FieldScores; mean: number } {
  const fields = Object.fromEntries(
    SCORED_FIELDS.map((field) => [
      field,
      (100 * perResume.reduce((sum, scores) => sum + scores[field], 0)) /
        Math.max(perResume.length, 1),
    ]),
  ) as FieldScores;
  const mean = SCORED_FIELDS.reduce((sum, field) => sum + fields[field], 0) / SCORED_FIELDS.length;
  return { fields, mean };
}
