import { describe, expect, it } from 'vitest';
import { makeLine } from './layout.js';
import { parseResumeLines } from './parse-resume.js';
import { textToLines } from './plain-text-lines.js';

const parse = (text: string) => parseResumeLines(textToLines(text));

describe('parseResumeLines on common resume shapes', () => {
  it('reads a LaTeX-style resume (place and dates at the right, tab-separated)', () => {
    const resume = parse(`Jake Ryan
123-456-7890 | jake@su.edu | linkedin.com/in/jake | github.com/jake

Education
Southwestern University\t\tGeorgetown, TX
Bachelor of Arts in Computer Science, Minor in Business\t\tAug. 2018 – May 2021
Blinn College\t\tBryan, TX
Associate's in Liberal Arts\t\tAug. 2014 – May 2018

Experience
Undergraduate Research Assistant\t\tJune 2020 – Present
Texas A&M University\t\tCollege Station, TX
• Developed a REST API using FastAPI and PostgreSQL to store data from learning management systems
• Explored ways to visualize GitHub collaboration in a classroom setting
Information Technology Support Specialist\t\tSep. 2018 – Present
Southwestern University\t\tGeorgetown, TX
• Communicate with managers to set up campus computers used on campus

Projects
Gitlytics | Python, Flask, React, PostgreSQL, Docker\t\tJune 2020 – Present
• Developed a full-stack web application using Flask serving a REST API with React as the frontend

Technical Skills
Languages: Java, Python, C/C++, SQL (Postgres), JavaScript, HTML/CSS, R
Frameworks: React, Node.js, Flask, JUnit, WordPress
Developer Tools: Git, Docker, Google Cloud Platform, VS Code
`);
    expect(resume.name).toBe('Jake Ryan');
    expect(resume.email).toBe('jake@su.edu');
    expect(resume.phone).toBe('123-456-7890');
    expect(resume.links).toEqual(['https://linkedin.com/in/jake', 'https://github.com/jake']);
    expect(resume.experience).toHaveLength(2);
    expect(resume.experience[0]).toMatchObject({
      title: 'Undergraduate Research Assistant',
      employer: 'Texas A&M University',
      start: '2020-06',
      end: 'present',
    });
    expect(resume.experience[1]).toMatchObject({
      title: 'Information Technology Support Specialist',
      employer: 'Southwestern University',
      start: '2018-09',
    });
    expect(resume.education).toEqual([
      {
        institution: 'Southwestern University',
        degree: 'Bachelor of Arts in Computer Science, Minor in Business',
        end: '2021-05',
      },
      { institution: 'Blinn College', degree: "Associate's in Liberal Arts", end: '2018-05' },
    ]);
    expect(resume.skills).toContain('C/C++');
    expect(resume.skills).toContain('SQL');
    expect(resume.skills).toContain('Google Cloud Platform');
    expect(resume.skills).not.toContain('Gitlytics');
  });

  it('reads "Title | Company | dates" one-liners and a summary without a heading', () => {
    const resume = parse(`MARIA LOPEZ
Madrid, Spain · +34 612 345 678 · maria.lopez@mail.es

Product designer with ten years of experience shaping B2B software, from research to shipped interfaces.

WORK HISTORY
Lead Product Designer | Cabify | 2019 - Present
- Led a team of five designers across rider and driver apps.
Product Designer | Typeform | 2015 - 2019
- Designed the logic-jump editor.

EDUCATION
Universidad Complutense de Madrid — BA in Fine Arts — 2014

LANGUAGES
Spanish – Native · English – C1 · Portuguese – B1
`);
    expect(resume.name).toBe('Maria Lopez');
    expect(resume.phone).toBe('+34612345678');
    expect(resume.location).toBe('Madrid, Spain');
    expect(resume.summary).toContain('Product designer with ten years');
    expect(
      resume.experience.map((entry) => [entry.title, entry.employer, entry.start, entry.end]),
    ).toEqual([
      ['Lead Product Designer', 'Cabify', '2019', 'present'],
      ['Product Designer', 'Typeform', '2015', '2019'],
    ]);
    expect(resume.education).toEqual([
      { institution: 'Universidad Complutense de Madrid', degree: 'BA in Fine Arts', end: '2014' },
    ]);
    expect(resume.languages).toEqual(['Spanish', 'English', 'Portuguese']);
  });

  it('reads dates before the title and European day-month dates', () => {
    const resume = parse(`Lars Nilsson
lars@nilsson.se
+46 70 123 45 67

Professional Experience
01/03/2018 – 31/12/2020
Backend Engineer, Spotify AB
Built playlist services.

2016 – 2018
Software Developer, Klarna
Worked on checkout.
`);
    expect(
      resume.experience.map((entry) => [entry.employer, entry.title, entry.start, entry.end]),
    ).toEqual([
      ['Spotify AB', 'Backend Engineer', '2018-03', '2020-12'],
      ['Klarna', 'Software Developer', '2016', '2018'],
    ]);
    expect(resume.phone).toBe('+46701234567');
  });

  it('keeps section titles and the file name out of the name', () => {
    const resume = parseResumeLines([
      makeLine('RESUME', { fontSize: 20 }),
      makeLine('Experience', { fontSize: 14 }),
      makeLine('Engineer, Acme Corp 2020 - 2021', { fontSize: 10 }),
    ]);
    expect(resume.name).toBeNull();
  });

  it('takes a letter-spaced heading and a labelled link annotation', () => {
    const resume = parseResumeLines([
      makeLine('Ana Souza', { fontSize: 24 }),
      makeLine('ana@souza.dev | LinkedIn', {
        fontSize: 10,
        links: ['https://www.linkedin.com/in/anasouza/'],
      }),
      makeLine('S K I L L S', { fontSize: 12 }),
      makeLine('Python, Go, Kubernetes', { fontSize: 10 }),
    ]);
    expect(resume.links).toEqual(['https://linkedin.com/in/anasouza']);
    expect(resume.skills).toEqual(['Python', 'Go', 'Kubernetes']);
  });

  it('returns empty fields for text that is not a resume', () => {
    const resume = parse('Lorem ipsum dolor sit amet.');
    expect(resume.experience).toEqual([]);
    expect(resume.education).toEqual([]);
    expect(resume.email).toBeNull();
  });
});

describe('headings and names in the wild', () => {
  it('reads combined headings by their section word, and a name with credentials', () => {
    const resume = parse(`Dr. Ada Byron, PhD
ada@byron.org

RELEVANT WORK EXPERIENCE
Research Scientist, Analytical Engines Ltd\t2019 - Present
• Wrote the first program.

## Technical Skills & Tools
Mathematics, Notation
`);
    expect(resume.experience).toHaveLength(1);
    expect(resume.skills).toEqual(['Mathematics', 'Notation']);
  });

  it('keeps Word symbol-font bullets as bullets', () => {
    const resume = parse(`Sam Lee
sam@lee.io

Experience
Engineer, Acme Corp\t2020 - 2022
\uF0B7 Built the thing.
\uF0B7 Ran the other thing.
`);
    expect(resume.experience[0]?.description).toBe('Built the thing.\nRan the other thing.');
  });
});

describe('entries under one employer, and links in the body', () => {
  it('gives a promotion its employer and keeps project repositories out of the links', () => {
    const resume = parse(`Priya Shah (she/her)
priya@shah.io | Austin, TX

EXPERIENCE
Google\t\tMountain View, CA
Senior Software Engineer\t\tJan 2020 – Present
• Led search ranking work.
Software Engineer\t\tJun 2017 – Dec 2019
• Built indexing pipelines.

PROJECTS
Ranker – github.com/priyashah/ranker
Profile: github.com/priyashah
`);
    expect(resume.name).toBe('Priya Shah');
    expect(resume.experience.map((entry) => [entry.employer, entry.title, entry.start])).toEqual([
      ['Google', 'Senior Software Engineer', '2020-01'],
      ['Google', 'Software Engineer', '2017-06'],
    ]);
    expect(resume.links).toEqual(['https://github.com/priyashah']);
  });

  describe('location', () => {
    it('finds it on a header line shared with other contact items, without separators', () => {
      const resume = parse(`Rahul Verma
rahul.verma@example.in +91 98110 23456 Gurugram, India linkedin.com/in/rahulverma

Experience
Principal Cloud Architect, Accenture   Apr 2019 – Present
`);
      expect(resume.location).toBe('Gurugram, India');
      expect(resume.phone).toBe('+919811023456');
    });

    it('takes a bare city from a contact line, and an unknown town between contact lines', () => {
      expect(parse('Ethan Brooks\n512-867-5309 | ethan@example.com | Austin\n').location).toBe(
        'Austin',
      );
      expect(
        parse('Mia Berg\n+47 912 34 567\nLillehammer\nmia@example.no\n\nSkills\nGo\n').location,
      ).toBe('Lillehammer');
    });

    it('reads the line under the name after a sidebar (LinkedIn), not an entry place', () => {
      const lines = [
        makeLine('Contact', { fontSize: 11, bold: true }),
        makeLine('rohan@example.in', { fontSize: 9 }),
        makeLine('Top Skills', { fontSize: 11, bold: true }),
        makeLine('Java', { fontSize: 9 }),
        makeLine('Rohan Gupta', { fontSize: 24 }),
        makeLine('Software Engineer | Java | Microservices', { fontSize: 11 }),
        makeLine('Bengaluru, Karnataka, India', { fontSize: 9 }),
        makeLine('Experience', { fontSize: 14 }),
        makeLine('Flipkart', { fontSize: 11 }),
        makeLine('Pune, Maharashtra, India', { fontSize: 9 }),
      ];
      expect(parseResumeLines(lines).location).toBe('Bengaluru, Karnataka, India');
    });

    it('reads a labelled address as its town and country', () => {
      expect(
        parse('Giulia Romano\nAddress\tVia Roma 12, 10121 Turin, Italy\ngiulia@example.it\n')
          .location,
      ).toBe('Turin, Italy');
    });
  });

  it("ends a sidebar's last section at the name set large beside it (LinkedIn)", () => {
    const lines = [
      makeLine('Languages', { fontSize: 11, bold: true }),
      makeLine('English (Native or Bilingual)', { fontSize: 9 }),
      makeLine('Korean (Limited Working)', { fontSize: 9 }),
      makeLine('Michelle Park', { fontSize: 24 }),
      makeLine('Director of Engineering at Stripe', { fontSize: 11 }),
      makeLine('San Francisco Bay Area', { fontSize: 9 }),
      makeLine('Experience', { fontSize: 14 }),
      makeLine('Stripe', { fontSize: 11 }),
      makeLine('Director of Engineering', { fontSize: 10 }),
      makeLine('March 2022 - Present (2 years 10 months)', { fontSize: 9 }),
    ];
    const resume = parseResumeLines(lines);
    expect(resume.languages).toEqual(['English', 'Korean']);
    expect(resume.name).toBe('Michelle Park');
    expect(resume.location).toBe('San Francisco Bay Area');
  });

  it('reads Indian sections: educational qualifications, languages known, activities apart', () => {
    const resume = parse(`KARTHIK SUBRAMANIAN
karthik.s@example.in | +91 98400 12345

EDUCATIONAL QUALIFICATIONS
S.No\tCourse\tInstitution\tBoard/University\tYear of Passing\tPercentage/CGPA
1\tB.E. Computer Science\tSri Sairam Engineering College, Chennai\tAnna University\t2022\t8.4 CGPA

WORK EXPERIENCE
Systems Engineer, Infosys Limited, Mysuru (Aug 2022 – Present)
• Maintain Java batch jobs.

POSITIONS OF RESPONSIBILITY
• Class representative (2020 – 2021)

PERSONAL DETAILS
Languages Known : Tamil, English, Hindi
`);
    expect(resume.education).toEqual([
      {
        institution: 'Sri Sairam Engineering College',
        degree: 'B.E. Computer Science',
        end: '2022',
      },
    ]);
    expect(resume.experience.map((entry) => entry.employer)).toEqual(['Infosys Limited']);
    expect(resume.languages).toEqual(['Tamil', 'English', 'Hindi']);
  });

  it('keeps capitalised list items in their section, and a wrapped written link out', () => {
    const resume = parseResumeLines([
      makeLine('Marta Nowak', { fontSize: 20 }),
      makeLine('www.linkedin.com/in/martanowa', {
        fontSize: 9,
        links: ['https://www.linkedin.com/in/martanowak'],
      }),
      makeLine('Certifications', { fontSize: 12, gapBefore: 1 }),
      makeLine('• ACCA', { fontSize: 9, gapBefore: 1.9 }),
      makeLine('• CFA Level II', { fontSize: 9 }),
    ]);
    expect(resume.certifications).toEqual(['ACCA', 'CFA Level II']);
    expect(resume.links).toEqual(['https://linkedin.com/in/martanowak']);
  });
});
