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

describe('education tables', () => {
  it('reads rows by their column names: institute over board, the year column, place dropped', () => {
    expect(
      education(
        'S.No\tCourse\tInstitution\tBoard/University\tYear of Passing\tPercentage/CGPA',
        '1\tB.E. Computer Science\tSri Sairam Engineering College, Chennai\tAnna University\t2022\t8.4 CGPA',
        '2\tHSC\tVelammal Matriculation Higher Secondary School, Chennai\tState Board\t2018\t92%',
      ),
    ).toEqual([
      {
        institution: 'Sri Sairam Engineering College',
        degree: 'B.E. Computer Science',
        end: '2022',
      },
      {
        institution: 'Velammal Matriculation Higher Secondary School',
        degree: 'HSC',
        end: '2018',
      },
    ]);
    expect(
      education(
        'Qualification\tBoard/University\tYear\tCGPA/%',
        'B.Tech\tJNTU Hyderabad\t2019\t7.8',
      ),
    ).toEqual([{ institution: 'JNTU Hyderabad', degree: 'B.Tech', end: '2019' }]);
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
