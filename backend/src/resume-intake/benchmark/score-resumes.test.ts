import type { ParsedResume } from '@screenline/core';
import { describe, expect, it } from 'vitest';
import { listF1, scoreResume, summarizeScores, tokenF1 } from './score-resumes.js';

const BASE: ParsedResume = {
  name: 'Jane Doe',
  email: 'jane@example.com',
  phone: '+14155550134',
  location: 'Austin, TX',
  links: ['https://linkedin.com/in/jane'],
  summary: 'Backend engineer.',
  skills: ['Go', 'SQL'],
  experience: [
    {
      employer: 'Acme',
      title: 'Engineer',
      start: '2020-01',
      end: 'present',
      description: 'Built things.',
    },
  ],
  education: [{ institution: 'MIT', degree: 'B.S.', end: '2019' }],
  languages: ['English'],
  certifications: [],
};

describe('scoreResume', () => {
  it('gives a perfect parse 100 on every field', () => {
    const { mean } = summarizeScores([scoreResume(BASE, BASE)]);
    expect(mean).toBe(100);
  });

  it('charges invented and missing entries', () => {
    const extra = {
      ...BASE,
      experience: [
        ...BASE.experience,
        { employer: 'X', title: 'Y', start: null, end: null, description: null },
      ],
    };
    expect(scoreResume(BASE, extra)['experience.employer']).toBe(0.5);
    expect(scoreResume(BASE, { ...BASE, experience: [] })['experience.title']).toBe(0);
  });

  it('compares links in their normal form', () => {
    expect(scoreResume(BASE, { ...BASE, links: ['https://www.linkedin.com/in/jane/'] }).links).toBe(
      1,
    );
  });
});

describe('F1 helpers', () => {
  it('computes list F1', () => {
    expect(listF1(['a', 'b'], ['a', 'c'], (x, y) => x === y)).toBe(0.5);
    expect(listF1([], [], (x, y) => x === y)).toBe(1);
  });
  it('computes token F1', () => {
    expect(tokenF1('built the api', 'built the api')).toBe(1);
    expect(tokenF1('a b', '')).toBe(0);
  });
});
