import { describe, expect, it } from 'vitest';
import { namesTerm } from './text-analysis.js';

describe('namesTerm', () => {
  it.each([
    ['I write TypeScript every day', 'TypeScript'],
    ['i use type script on the backend', 'TypeScript'],
    ['we tuned postgres for the reporting jobs', 'PostgreSQL'],
    ['mostly node with express', 'Node.js'],
    ['k u b e r n e t e s, we ran everything on Kubernetes', 'Kubernetes'],
    ['I used it in C', 'C++'],
  ])('"%s" names %s', (text, term) => {
    expect(namesTerm(text, term)).toBe(true);
  });

  it.each([
    ['Python and Go mainly, some Postgres tuning', 'TypeScript'],
    ['I wrote the type definitions for our script runner', 'TypeScript'],
    ['post the results to the team', 'PostgreSQL'],
    ['we had no tests at all', 'Terraform'],
  ])('"%s" does not name %s', (text, term) => {
    expect(namesTerm(text, term)).toBe(false);
  });
});
