import { describe, expect, it } from 'vitest';
import { namesTerm } from './text-analysis.js';

describe('namesTerm', () => {
  it.each([
    ['I write TypeScript every day', 'TypeScript', true],
    ['i use type script on the backend', 'TypeScript', true],
    ['we tuned postgres for the reporting jobs', 'PostgreSQL', true],
    ['mostly node with express', 'Node.js', true],
    ['k u b e r n e t e s, we ran everything on Kubernetes', 'Kubernetes', true],
    ['I used it in C', 'C++', true],
    ['Python and Go mainly, some Postgres tuning', 'TypeScript', false],
    ['I wrote the type definitions for our script runner', 'TypeScript', false],
    ['post the results to the team', 'PostgreSQL', false],
    ['we had no tests at all', 'Terraform', false],
  ])('"%s" names %s: %s', (text, term, names) => {
    expect(namesTerm(text, term)).toBe(names);
  });
});
