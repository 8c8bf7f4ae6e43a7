import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedResume } from '@screenline/core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The labelled set: resume files and `<name>.expected.json` beside each. */
export const FIXTURES_DIR = path.resolve(here, '../../../test-fixtures/resumes');

export interface LabelledResume {
  file: string;
  filePath: string;
  expected: ParsedResume;
}

/** Every labelled resume, in name order. */
export function loadLabelledResumes(directory = FIXTURES_DIR): LabelledResume[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => {
      const { file, ...expected } = JSON.parse(
        readFileSync(path.join(directory, name), 'utf8'),
      ) as ParsedResume & { file: string };
      return { file, filePath: path.join(directory, file), expected };
    });
}
