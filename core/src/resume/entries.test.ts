import { describe, expect, it } from 'vitest';
import { makeLine } from './layout.js';
import { parseEducation, parseExperience, stripInstitutionPlace } from './entries.js';

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

  it('does not take a state after a school ("Boston, MA") for a degree', () => {
    expect(
      education(
        'Northeastern University\tBoston, MA',
        'B.S. in Computer Science\tSep. 2021 – May 2025',
      ),
    ).toEqual([
      {
        institution: 'Northeastern University',
        degree: 'B.S. in Computer Science',
        end: '2025-05',
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

const jobs = (lines: Parameters<typeof makeLine>[] | string[]) =>
  parseExperience(
    lines.map((line) => (typeof line === 'string' ? makeLine(line) : makeLine(...line))),
  ).map(({ employer, title, start, end }) => ({ employer, title, start, end }));

describe('parseExperience on outside layouts', () => {
  it("reads LinkedIn's export: durations and recommendation lines are not employers, roles share the company", () => {
    expect(
      jobs([
        ['Stripe', { fontSize: 11 }],
        ['6 years 4 months', { fontSize: 9 }],
        ['Director of Engineering', { fontSize: 10 }],
        ['March 2022 - Present (2 years 10 months)', { fontSize: 9 }],
        ['Lead the Billing engineering organisation of 60 people.', { fontSize: 9 }],
        ['Engineering Manager', { fontSize: 10 }],
        ['September 2018 - February 2022 (3 years 6 months)', { fontSize: 9 }],
        ['Managed the invoicing teams.', { fontSize: 9 }],
        ['Flipkart', { fontSize: 11 }],
        ['Software Engineer II', { fontSize: 10 }],
        ['July 2021 - Present (3 years 6 months)', { fontSize: 9 }],
        ['Own the order promise service.', { fontSize: 9 }],
        ['1 recommendation available upon request', { fontSize: 9 }],
      ]),
    ).toEqual([
      { employer: 'Stripe', title: 'Director of Engineering', start: '2022-03', end: 'present' },
      { employer: 'Stripe', title: 'Engineering Manager', start: '2018-09', end: '2022-02' },
      { employer: 'Flipkart', title: 'Software Engineer II', start: '2021-07', end: 'present' },
    ]);
  });

  it('takes the employer after the dash in "Title, Department — Employer"', () => {
    expect(
      jobs(['Team Lead, Publishing Platform — Wix\t2021 – Present', '• Led six developers.']),
    ).toEqual([{ employer: 'Wix', title: 'Team Lead', start: '2021', end: 'present' }]);
  });

  it('reads an employer indented under a date cell (European CV), and a camel-cased one', () => {
    expect(
      jobs([
        ['01/2018 – Present\tSupplier Quality Engineer', { fontSize: 9, x: 98 }],
        ['Stellantis, Turin (Italy)', { fontSize: 9, x: 189 }],
        ['Audit 40 suppliers of electrical components per year.', { fontSize: 9, x: 199 }],
        ['iFood — Performance Analyst', { fontSize: 9, x: 98 }],
        ['Feb 2018 – Feb 2021, Osasco', { fontSize: 9, x: 98 }],
      ]),
    ).toEqual([
      {
        employer: 'Stellantis',
        title: 'Supplier Quality Engineer',
        start: '2018-01',
        end: 'present',
      },
      { employer: 'iFood', title: 'Performance Analyst', start: '2018-02', end: '2021-02' },
    ]);
  });

  it('knows compound and German titles', () => {
    expect(
      jobs([
        'Runtastic | Linz',
        'Copywriter',
        '2017 - 2021',
        '• Wrote app store copy.',
        'Siemens AG, München',
        'Softwareentwickler',
        '04/2019 – heute',
      ]),
    ).toEqual([
      { employer: 'Runtastic', title: 'Copywriter', start: '2017', end: '2021' },
      { employer: 'Siemens AG', title: 'Softwareentwickler', start: '2019-04', end: 'present' },
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
    // The wrapped end of a long cell between two rows does not end the table.
    expect(
      education(
        'Qualification\tInstitute\tYear',
        'B.Tech\tCollege of Engineering and Technology,\t2025',
        'Bhubaneswar',
        'Class XII\tBJB Junior College\t2021',
      ).map((entry) => entry.degree),
    ).toEqual(['B.Tech', 'Class XII']);
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
