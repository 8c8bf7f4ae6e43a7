import { describe, expect, it } from 'vitest';
import { areNaturalLanguages, splitCertifications, splitLanguages, splitSkills } from './skills.js';

describe('splitSkills', () => {
  it('makes atomic items from labelled, bulleted and piped lists', () => {
    expect(
      splitSkills([
        'Languages: Python, Go',
        '• Docker; Kubernetes',
        'AWS | GCP',
        'CI/CD, Node.js, C++',
      ]),
    ).toEqual(['Python', 'Go', 'Docker', 'Kubernetes', 'AWS', 'GCP', 'CI/CD', 'Node.js', 'C++']);
  });

  it('drops a category set in a cell of its own (moderncv, awesome-cv)', () => {
    expect(splitSkills(['Programming\tPython, SQL, R', 'Infrastructure\tKafka, AWS'])).toEqual([
      'Python',
      'SQL',
      'R',
      'Kafka',
      'AWS',
    ]);
  });

  it('drops levels and duplicates, keeps commas inside parentheses together', () => {
    expect(splitSkills(['Python (expert), SQL (Postgres, MySQL), python'])).toEqual([
      'Python',
      'SQL',
    ]);
  });

  it('drops sentence-length fragments', () => {
    expect(
      splitSkills(['Strong communication skills developed over many years of client work']),
    ).toEqual([]);
  });
});

describe('languages and certifications', () => {
  it('reads spoken languages without their levels', () => {
    expect(splitLanguages(['English (native), Spanish – B2', 'German: conversational'])).toEqual([
      'English',
      'Spanish',
      'German',
    ]);
  });

  it('tells spoken languages from programming languages', () => {
    expect(areNaturalLanguages(['English', 'French'])).toBe(true);
    expect(areNaturalLanguages(['Python', 'Go'])).toBe(false);
  });

  it('reads certifications without their years', () => {
    expect(
      splitCertifications([
        '• AWS Certified Developer (2021)',
        '• CKA – 2020',
        'PMP, issued Mar 2019',
      ]),
    ).toEqual(['AWS Certified Developer', 'CKA', 'PMP']);
  });
});

describe('natural languages in other languages', () => {
  it('knows German and French names of languages', () => {
    expect(areNaturalLanguages(['Deutsch', 'Englisch', 'Französisch'])).toBe(true);
    expect(areNaturalLanguages(['Anglais', 'Espagnol'])).toBe(true);
  });
});
