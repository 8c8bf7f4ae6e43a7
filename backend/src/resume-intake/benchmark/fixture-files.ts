import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedResume } from '@screenline/core';
import { parseLabelFile } from './label-file.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The template set: written with the parser, `<name>.expected.json` beside each resume. */
export const FIXTURES_DIR = path.resolve(here, '../../../test-fixtures/resumes');
/** The outside set: documents made with LaTeX, LibreOffice and Chromium, labelled by hand. */
export const OUTSIDE_DIR = path.resolve(here, '../../../test-fixtures/resumes-outside');
/** More resumes in the outside set's layouts, never used to tune the parser. */
export const HELD_OUT_DIR = path.resolve(here, '../../../test-fixtures/resumes-held-out');

export interface LabelledResume {
  file: string;
  filePath: string;
  /** The layout family the resume belongs to, for per-family scores. */
  family: string;
  expected: ParsedResume;
}

/** The two labelled sets the benchmark reports. */
export const LABELLED_SETS = {
  outside: OUTSIDE_DIR,
  heldOut: HELD_OUT_DIR,
  templates: FIXTURES_DIR,
} as const;
export type LabelledSetName = keyof typeof LABELLED_SETS;

/**
 * Every labelled resume of a folder, in name order: `<name>.expected.json` files beside the resumes
 * (the template set), or hand-written label files under `labels/` (the outside set).
 */
export function loadLabelledResumes(directory: string = FIXTURES_DIR): LabelledResume[] {
  const fromJson = readdirSync(directory)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => {
      const { file, family, ...expected } = JSON.parse(
        readFileSync(path.join(directory, name), 'utf8'),
      ) as ParsedResume & { file: string; family?: string };
      return { file, filePath: path.join(directory, file), family: family ?? 'other', expected };
    });
  const labelsDir = path.join(directory, 'labels');
  const fromLabels = readdirSync(directory).includes('labels')
    ? readdirSync(labelsDir)
        .filter((name) => name.endsWith('.txt'))
        .flatMap((name) => parseLabelFile(readFileSync(path.join(labelsDir, name), 'utf8')))
        .map((entry) => ({ ...entry, filePath: path.join(directory, entry.file) }))
    : [];
  return [...fromJson, ...fromLabels].sort((a, b) => a.file.localeCompare(b.file));
}
