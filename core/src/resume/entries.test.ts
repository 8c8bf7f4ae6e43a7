import { describe, expect, it } from 'vitest';
import { makeLine } from './layout.js';
import { parseEducation, stripInstitutionPlace } from './entries.js';

const education = (...texts: string[]) => parseEducation(texts.map((text) => makeLine(text)));

describe('parseEducation', () => {
  it('reads moderncv lines: degree, institution and place in one line, dates beside them', () => {
    expect(
      education(
        '2016–2018\tMSc in Statistics and Information Management, NOVA IMS, Lisbon',
        '2013–2016\tBSc in Mathematics, Universidade do Porto',
        '2011–2014\tPhD in Computer Science, University of Kent, Canterbury, UK',
      ),
    ).toEqual([
      {
        institution: 'NOVA IMS',
        degree: 'MSc in Statistics and Information Management',
        end: '2018',
      },
      { institution: 'Universidade do Porto', degree: 'BSc in Mathematics', end: '2016' },
      { institution: 'University of Kent', degree: 'PhD in Computer Science', end: '2014' },
    ]);
  });

  it("keeps LinkedIn's degree with its field, and reads the institution first when it is", () => {
    expect(
      education(
        'University of Kent',
        'Bachelor of Arts - BA, Psychology · (2013 - 2016)',
        'Fundação Getulio Vargas, Bachelor of Business Administration, 2017',
      ),
    ).toEqual([
      {
        institution: 'University of Kent',
        degree: 'Bachelor of Arts - BA, Psychology',
        end: '2016',
      },
      {
        institution: 'Fundação Getulio Vargas',
        degree: 'Bachelor of Business Administration',
        end: '2017',
      },
    ]);
  });

  it('knows schools and degrees in other languages', () => {
    expect(
      education('Université de Montréal', 'Baccalauréat en informatique', '2013 – 2016'),
    ).toEqual([
      {
        institution: 'Université de Montréal',
        degree: 'Baccalauréat en informatique',
        end: '2016',
      },
    ]);
  });
});

describe('stripInstitutionPlace', () => {
  it('drops a place after the institution, but not a campus of a state system', () => {
    expect(stripInstitutionPlace('University of Kent, Canterbury, UK')).toBe('University of Kent');
    expect(stripInstitutionPlace('Politecnico di Torino, Turin (Italy)')).toBe(
      'Politecnico di Torino',
    );
    expect(stripInstitutionPlace('University of California, Los Angeles')).toBe(
      'University of California, Los Angeles',
    );
    expect(stripInstitutionPlace('Institute of Business Administration, Karachi')).toBe(
      'Institute of Business Administration',
    );
  });
});
