import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The variable names a deployable's env schema reads (its `KEY:` entries). */
function schemaKeys(relativePath: string): string[] {
  const source = readFileSync(path.join(root, relativePath), 'utf8');
  return [
    ...new Set([...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1] ?? '')),
  ];
}

describe('.env.example', () => {
  const documented = new Set(
    [
      ...readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm),
    ].map((match) => match[1]),
  );

  it.each(['backend/src/env.ts', 'agent/src/env.ts'])(
    'documents every variable %s reads',
    (file) => {
      const keys = schemaKeys(file);
      expect(keys.length).toBeGreaterThan(3);
      expect(keys.filter((key) => !documented.has(key))).toEqual([]);
    },
  );
});
