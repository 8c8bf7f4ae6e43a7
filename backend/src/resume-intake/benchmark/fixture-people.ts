import type { ParsedResume } from '@screenline/core';

/**
 * The content of the labelled resumes: made-up people, built from pools with a seeded random
 * generator, so the set is varied (names, employers, date styles, section names) yet reproducible.
 */

export type DateStyle = 'Mon YYYY' | 'Month YYYY' | 'MM/YYYY' | 'YYYY' | 'YYYY-MM' | 'Mon. YYYY';

export interface YearMonth {
  year: number;
  month: number;
}

export interface Job {
  employer: string;
  title: string;
  place: string;
  start: YearMonth;
  end: YearMonth | 'present';
  bullets: string[];
}

export interface School {
  institution: string;
  degree: string;
  end: YearMonth;
  /** Education dates as "Summer 2022" instead of the resume's date style. */
  isSeason: boolean;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  phoneWritten: string;
  phoneE164: string;
  location: string;
  linkedin: string;
  github: string | null;
  site: string | null;
  summary: string;
  skillGroups: { label: string | null; items: string[] }[];
  jobs: Job[];
  schools: School[];
  languages: { name: string; level: string }[];
  certifications: { name: string; year: number }[];
  dateStyle: DateStyle;
  presentWord: string;
  headings: {
    summary: string;
    experience: string;
    education: string;
    skills: string;
    languages: string;
    certifications: string;
  };
}

const FIRST = [
  'Jane',
  'Marcus',
  'Priya',
  'Tomás',
  'Aisha',
  'Lukas',
  'Mei',
  'Daniel',
  'Fatima',
  'Oliver',
  'Sofia',
  'Kwame',
  'Elena',
  'Ravi',
  'Hannah',
  'Diego',
  'Yuki',
  'Samuel',
  'Leila',
  'Noah',
  'Chloe',
  'Arjun',
];
const LAST = [
  'Doe',
  'Whitfield',
  'Raman',
  'García',
  'Okafor',
  'Becker',
  'Chen',
  'Kowalski',
  'Haddad',
  'Brennan',
  'Rossi',
  'Mensah',
  'Petrova',
  'Iyer',
  'Schmidt',
  'Morales',
  'Tanaka',
  'Adeyemi',
  'Farouk',
  'Lindqvist',
  'Dubois',
  'Nair',
];
const PLACES: { location: string; phones: [string, string][] }[] = [
  {
    location: 'San Francisco, CA',
    phones: [
      ['(415) 555-0134', '+14155550134'],
      ['+1 415-555-0172', '+14155550172'],
    ],
  },
  {
    location: 'Austin, TX',
    phones: [
      ['512.555.0147', '+15125550147'],
      ['+1 (512) 555-0199', '+15125550199'],
    ],
  },
  {
    location: 'New York, NY',
    phones: [
      ['(212) 555-0186', '+12125550186'],
      ['+1 212 555 0123', '+12125550123'],
    ],
  },
  {
    location: 'London, United Kingdom',
    phones: [
      ['+44 20 7946 0958', '+442079460958'],
      ['+44 7700 900123', '+447700900123'],
    ],
  },
  {
    location: 'Berlin, Germany',
    phones: [
      ['+49 30 901820', '+4930901820'],
      ['+49 151 23456789', '+4915123456789'],
    ],
  },
  {
    location: 'Toronto, ON',
    phones: [
      ['(416) 555-0155', '+14165550155'],
      ['+1 416 555 0110', '+14165550110'],
    ],
  },
  {
    location: 'Seattle, WA',
    phones: [
      ['(206) 555-0101', '+12065550101'],
      ['+1 206.555.0164', '+12065550164'],
    ],
  },
];
const EMPLOYERS = [
  'Stripe',
  'Acme Corp',
  'Northwind Traders',
  'Globex Inc.',
  'Initech LLC',
  'Umbrella Health',
  'Contoso Ltd',
  'Hooli',
  'Vandelay Industries',
  'Wayne Enterprises',
  'Soylent Labs',
  'Pied Piper',
  'Tyrell Systems',
  'Cyberdyne Technologies',
  'Massive Dynamic',
  'Aperture Science',
  'Blue Harbor Bank',
  'Zentrum Software GmbH',
  'Helios Energy',
  'Orbital Media Group',
];
const TITLES = [
  'Senior Software Engineer',
  'Software Engineer',
  'Backend Developer',
  'Data Scientist',
  'Product Manager',
  'Engineering Manager',
  'Frontend Developer',
  'DevOps Engineer',
  'Data Analyst',
  'QA Engineer',
  'Machine Learning Engineer',
  'Technical Lead',
  'Site Reliability Engineer',
  'Software Engineering Intern',
  'Solutions Architect',
  'UX Designer',
];
const BULLETS = [
  'Led the migration of the billing service to Go, cutting p99 latency by 40%.',
  'Designed a streaming pipeline on Kafka that processes 2M events per minute.',
  'Mentored four junior engineers and ran the team hiring loop.',
  'Built the React dashboard used by 300 internal analysts every day.',
  'Reduced cloud spend by 25% by right-sizing Kubernetes workloads.',
  'Introduced contract tests that caught regressions before release.',
  'Owned the on-call rotation and wrote the incident runbooks.',
  'Shipped a recommendation model that raised conversion by 8%.',
  'Automated the release process with GitHub Actions and Terraform.',
  'Partnered with design to launch the new onboarding flow.',
  'Migrated 40 TB of data from MySQL to PostgreSQL with zero downtime.',
  'Wrote the public API documentation and the client SDKs.',
];
const SCHOOLS: [string, string][] = [
  ['University of California, Berkeley', 'B.S. in Computer Science'],
  ['Stanford University', 'M.S. in Computer Science'],
  ['University of Texas at Austin', 'B.A. in Economics'],
  ['Imperial College London', 'MEng Software Engineering'],
  ['Technical University of Munich', 'M.Sc. Informatics'],
  ['University of Toronto', 'Bachelor of Applied Science'],
  ['Georgia Institute of Technology', 'Master of Science in Analytics'],
  ['University of Washington', 'B.S. in Statistics'],
  ['McGill University', 'Bachelor of Commerce'],
  ['Carnegie Mellon University', 'Ph.D. in Machine Learning'],
];
const SKILLS = [
  'Python',
  'Go',
  'TypeScript',
  'Java',
  'Kotlin',
  'SQL',
  'PostgreSQL',
  'Kafka',
  'Docker',
  'Kubernetes',
  'Terraform',
  'AWS',
  'GCP',
  'React',
  'Node.js',
  'GraphQL',
  'Redis',
  'Spark',
  'Airflow',
  'PyTorch',
  'Figma',
  'CI/CD',
  'Linux',
  'Rust',
  'C++',
];
const LANGUAGES = [
  ['English', 'Native'],
  ['Spanish', 'Fluent'],
  ['German', 'B2'],
  ['French', 'Conversational'],
  ['Hindi', 'Native'],
  ['Mandarin', 'Professional'],
  ['Portuguese', 'Basic'],
] as const;
const CERTIFICATIONS = [
  'AWS Certified Solutions Architect – Associate',
  'Certified Kubernetes Administrator',
  'Google Professional Data Engineer',
  'Scrum Master (PSM I)',
  'Terraform Associate',
];
const SUMMARIES = [
  'Backend engineer with eight years of experience building payment and data platforms that scale.',
  'Product-minded engineer who enjoys turning messy requirements into simple, reliable services.',
  'Data scientist focused on experimentation, forecasting and models that ship to production.',
  'Engineering leader who grows teams and delivers platform work without drama.',
];
const HEADINGS = {
  summary: ['Summary', 'Profile', 'Professional Summary', 'About Me', 'Objective'],
  experience: [
    'Experience',
    'Work Experience',
    'Professional Experience',
    'Employment History',
    'Work History',
  ],
  education: ['Education', 'Academic Background', 'Education & Training'],
  skills: ['Skills', 'Technical Skills', 'Technologies', 'Core Competencies'],
  languages: ['Languages'],
  certifications: ['Certifications', 'Licenses & Certifications'],
};
const DATE_STYLES: DateStyle[] = [
  'Mon YYYY',
  'Month YYYY',
  'MM/YYYY',
  'YYYY',
  'YYYY-MM',
  'Mon. YYYY',
];

/** Mulberry32: a tiny seeded generator, so the set regenerates identically. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The people of the labelled set, one per fixture. */
export function makePeople(count: number): Person[] {
  const random = seeded(20_251_125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sample = <T>(items: readonly T[], n: number): T[] =>
    [...items].sort(() => random() - 0.5).slice(0, n);
  const people: Person[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = FIRST[index % FIRST.length] ?? 'Alex';
    const last = LAST[index % LAST.length] ?? 'Smith';
    const place = pick(PLACES);
    const [phoneWritten, phoneE164] = pick(place.phones);
    const handle = `${first}-${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const jobCount = 2 + Math.floor(random() * 3);
    const jobs: Job[] = [];
    let endYear = 2025;
    let endMonth = 1 + Math.floor(random() * 12);
    for (let job = 0; job < jobCount; job += 1) {
      const length = 1 + Math.floor(random() * 4);
      const startYear = endYear - length;
      const startMonth = 1 + Math.floor(random() * 12);
      jobs.push({
        employer: pick(EMPLOYERS),
        title: pick(TITLES),
        place: pick(PLACES).location,
        start: { year: startYear, month: startMonth },
        end: job === 0 && random() < 0.7 ? 'present' : { year: endYear, month: endMonth },
        bullets: sample(BULLETS, 1 + Math.floor(random() * 3)),
      });
      endYear = startYear - (random() < 0.3 ? 1 : 0);
      endMonth = Math.max(1, startMonth - 1);
    }
    const schoolCount = 1 + (random() < 0.4 ? 1 : 0);
    const schools: School[] = sample(SCHOOLS, schoolCount).map(
      ([institution, degree], schoolIndex) => ({
        institution,
        degree,
        end: { year: endYear - schoolIndex * 2, month: 5 + Math.floor(random() * 2) },
        isSeason: random() < 0.2,
      }),
    );
    const skills = sample(SKILLS, 6 + Math.floor(random() * 6));
    const grouped = random() < 0.5;
    people.push({
      id: `${String(index + 1).padStart(2, '0')}-${handle}`,
      name: `${first} ${last}`,
      email: `${handle.replace('-', '.')}@example.com`,
      phoneWritten,
      phoneE164,
      location: place.location,
      linkedin: `https://www.linkedin.com/in/${handle}`,
      github: random() < 0.6 ? `https://github.com/${handle.replace('-', '')}` : null,
      site: random() < 0.3 ? `https://${handle.replace('-', '')}.dev` : null,
      summary: pick(SUMMARIES),
      skillGroups: grouped
        ? [
            { label: 'Languages', items: skills.slice(0, 3) },
            { label: 'Tools', items: skills.slice(3) },
          ]
        : [{ label: null, items: skills }],
      jobs,
      schools,
      languages:
        random() < 0.7
          ? sample(LANGUAGES, 1 + Math.floor(random() * 3)).map(([name, level]) => ({
              name,
              level,
            }))
          : [],
      certifications:
        random() < 0.5
          ? sample(CERTIFICATIONS, 1 + Math.floor(random() * 2)).map((name) => ({
              name,
              year: 2018 + Math.floor(random() * 6),
            }))
          : [],
      dateStyle: DATE_STYLES[index % DATE_STYLES.length] ?? 'Mon YYYY',
      presentWord: pick(['Present', 'Present', 'Current', 'Now']),
      headings: {
        summary: pick(HEADINGS.summary),
        experience: pick(HEADINGS.experience),
        education: pick(HEADINGS.education),
        skills: pick(HEADINGS.skills),
        languages: pick(HEADINGS.languages),
        certifications: pick(HEADINGS.certifications),
      },
    });
  }
  return people;
}

const MONTH_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const MONTH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SEASON_OF_MONTH = [
  'Winter',
  'Winter',
  'Spring',
  'Spring',
  'Spring',
  'Summer',
  'Summer',
  'Summer',
  'Fall',
  'Fall',
  'Fall',
  'Winter',
];
const SEASON_MONTH: Record<string, number> = { Spring: 3, Summer: 6, Fall: 9, Winter: 12 };

/** A date as this resume writes it. */
export function writeDate(
  date: YearMonth | 'present',
  style: DateStyle,
  presentWord: string,
): string {
  if (date === 'present') return presentWord;
  const month = String(date.month).padStart(2, '0');
  switch (style) {
    case 'Mon YYYY':
      return `${MONTH_SHORT[date.month - 1] ?? ''} ${date.year}`;
    case 'Mon. YYYY':
      return `${MONTH_SHORT[date.month - 1] ?? ''}${date.month === 5 ? '' : '.'} ${date.year}`;
    case 'Month YYYY':
      return `${MONTH_LONG[date.month - 1] ?? ''} ${date.year}`;
    case 'MM/YYYY':
      return `${month}/${date.year}`;
    case 'YYYY-MM':
      return `${date.year}-${month}`;
    case 'YYYY':
      return String(date.year);
  }
}

/** What the parser should return for a written date. */
export function expectedDate(date: YearMonth | 'present', style: DateStyle): string {
  if (date === 'present') return 'present';
  return style === 'YYYY'
    ? String(date.year)
    : `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** An education end date as written: in the resume's style, or as a season. */
export function writeSchoolDate(
  school: School,
  style: DateStyle,
): { written: string; expected: string } {
  if (school.isSeason) {
    const season = SEASON_OF_MONTH[school.end.month - 1] ?? 'Summer';
    return {
      written: `${season} ${school.end.year}`,
      expected: `${school.end.year}-${String(SEASON_MONTH[season] ?? 6).padStart(2, '0')}`,
    };
  }
  return { written: writeDate(school.end, style, ''), expected: expectedDate(school.end, style) };
}

/** The fields the parser should extract from this person's resume. */
export function expectedFields(person: Person, options: { hasSite: boolean }): ParsedResume {
  const links = [person.linkedin, person.github, options.hasSite ? person.site : null]
    .filter((link): link is string => link !== null)
    .map((link) => link.replace('://www.', '://'));
  return {
    name: person.name,
    email: person.email,
    phone: person.phoneE164,
    location: person.location,
    links,
    summary: person.summary,
    skills: person.skillGroups.flatMap((group) => group.items),
    experience: person.jobs.map((job) => ({
      employer: job.employer,
      title: job.title,
      start: expectedDate(job.start, person.dateStyle),
      end: expectedDate(job.end, person.dateStyle),
      description: job.bullets.join('\n'),
    })),
    education: person.schools.map((school) => ({
      institution: school.institution,
      degree: school.degree,
      end: writeSchoolDate(school, person.dateStyle).expected,
    })),
    languages: person.languages.map((language) => language.name),
    certifications: person.certifications.map((certification) => certification.name),
  };
}
