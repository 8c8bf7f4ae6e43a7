import { describe, expect, it } from 'vitest';
import { parseLabelFile } from './label-file.js';

describe('parseLabelFile', () => {
  it('reads scalars, lists, jobs with their descriptions and schools; one label for two files', () => {
    const [docx, pdf] = parseLabelFile(`# a comment
== cv.docx cv.pdf
family: office-tables
name: Ana Sousa
phone: +351912345678
skills: Python; SQL
job: Feedzai | Data Scientist | 2021-03 | present
  Cut false positives by 18%.
  Owned the feature store.
job: - | Consultant | 2019 | -
school: NOVA IMS | MSc Statistics | 2018
`);
    expect(docx?.file).toBe('cv.docx');
    expect(pdf?.file).toBe('cv.pdf');
    expect(pdf?.family).toBe('office-tables');
    expect(docx?.expected).toMatchObject({
      name: 'Ana Sousa',
      email: null,
      location: null,
      links: [],
      skills: ['Python', 'SQL'],
      experience: [
        {
          employer: 'Feedzai',
          title: 'Data Scientist',
          start: '2021-03',
          end: 'present',
          description: 'Cut false positives by 18%.\nOwned the feature store.',
        },
        { employer: null, title: 'Consultant', start: '2019', end: null, description: null },
      ],
      education: [{ institution: 'NOVA IMS', degree: 'MSc Statistics', end: '2018' }],
    });
  });

  it('names the line it cannot read', () => {
    expect(() => parseLabelFile('== a.pdf\nfamily: x\njob: only | two\n')).toThrow(/line 3/);
    expect(() => parseLabelFile('== a.pdf\nname: A\n')).toThrow(/no family/);
    expect(() => parseLabelFile('== a.pdf\nfamily: x\nstart: 2020-13\n')).toThrow(/unknown field/);
  });
});
