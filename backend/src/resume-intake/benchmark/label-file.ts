import { EMPTY_PARSED_RESUME, ZParsedResume, type ParsedResume } from '@screenline/core';

/**
 * Hand-written labels, several resumes to a file, short enough to check against the document by eye:
 *
 *     == moderncv-01-ana-sousa.pdf
 *     family: latex-moderncv
 *     name: Ana Sousa
 *     links: https://linkedin.com/in/anasousa
 *     skills: Python; SQL; R
 *     job: Feedzai | Senior Data Scientist | 2021 | present
 *       Cut false positives in card fraud scoring by 18% with gradient-boosted models.
 *     school: NOVA IMS | MSc in Statistics and Information Management | 2018
 *
 * `job:` is employer | title | start | end, with its description on the indented lines below;
 * `school:` is institution | degree | end. Lists are separated by "; ", and "-" is an absent value.
 * A field not written is absent on the page. One label may name several files (a DOCX and its PDF).
 */
export interface LabelEntry {
  file: string;
  family: string;
  expected: ParsedResume;
}

const SCALARS = ['name', 'email', 'phone', 'location', 'summary'] as const;
const LISTS = ['links', 'skills', 'languages', 'certifications'] as const;

const value = (text: string): string | null => (text.trim() === '-' ? null : text.trim());

/** Parses a label file; throws with the line number on anything it does not understand. */
export function parseLabelFile(text: string): LabelEntry[] {
  const entries: LabelEntry[] = [];
  let current: { files: string[]; family: string; fields: ParsedResume } | null = null;
  const finish = (): void => {
    if (current === null) return;
    const expected = ZParsedResume.parse(current.fields);
    for (const file of current.files) entries.push({ file, family: current.family, expected });
  };
  text.split('\n').forEach((raw, index) => {
    const fail = (why: string): never => {
      throw new Error(`label line ${index + 1}: ${why}: ${raw}`);
    };
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const start = /^==\s+(\S.*)$/.exec(raw);
    if (start?.[1] !== undefined) {
      finish();
      current = {
        files: start[1].trim().split(/\s+/),
        family: '',
        fields: structuredClone({ ...EMPTY_PARSED_RESUME }),
      };
      return;
    }
    if (current === null) return fail('a field before the first "== file"');
    if (/^\s{2,}\S/.test(raw)) {
      const job = current.fields.experience.at(-1) ?? fail('a description without a job');
      job.description = job.description === null ? raw.trim() : `${job.description}\n${raw.trim()}`;
      return;
    }
    const field = /^([a-z]+):\s*(.*)$/.exec(raw) ?? fail('not "field: value"');
    const [, key = '', rest = ''] = field;
    if (key === 'family') current.family = rest.trim();
    else if ((SCALARS as readonly string[]).includes(key))
      current.fields[key as (typeof SCALARS)[number]] = value(rest);
    else if ((LISTS as readonly string[]).includes(key))
      current.fields[key as (typeof LISTS)[number]] = rest
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    else if (key === 'job') {
      const parts = rest.split(' | ');
      if (parts.length !== 4) fail('a job needs employer | title | start | end');
      const [employer = '', title = '', from = '', to = ''] = parts;
      current.fields.experience.push({
        employer: value(employer),
        title: value(title),
        start: value(from),
        end: value(to),
        description: null,
      });
    } else if (key === 'school') {
      const parts = rest.split(' | ');
      if (parts.length !== 3) fail('a school needs institution | degree | end');
      const [institution = '', degree = '', end = ''] = parts;
      current.fields.education.push({
        institution: value(institution),
        degree: value(degree),
        end: value(end),
      });
    } else fail(`unknown field "${key}"`);
  });
  finish();
  for (const entry of entries)
    if (entry.family === '') throw new Error(`label of ${entry.file} has no family`);
  return entries;
}
