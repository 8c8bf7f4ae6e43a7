import type { DocxBlock, DocxParagraph } from './docx-writer.js';
import { writeDate, writeSchoolDate, type Person } from './fixture-people.js';

/** The DOCX, plain-text and Markdown renderings of a person. */

const dates = (person: Person, job: Person['jobs'][number]): string =>
  `${writeDate(job.start, person.dateStyle, person.presentWord)} - ${writeDate(job.end, person.dateStyle, person.presentWord)}`;
const bare = (url: string): string => url.replace(/^https:\/\/(www\.)?/, '');

function text(
  value: string,
  options: Omit<DocxParagraph['runs'][number], 'text'> = {},
): DocxParagraph {
  return { runs: [{ text: value, ...options }] };
}

function heading(value: string): DocxParagraph {
  return { runs: [{ text: value.toUpperCase(), bold: true, sizePt: 13 }], style: 'Heading1' };
}

function mainBlocks(person: Person): DocxParagraph[] {
  return [
    heading(person.headings.summary),
    text(person.summary),
    heading(person.headings.experience),
    ...person.jobs.flatMap((job) => [
      {
        runs: [
          { text: job.title, bold: true },
          { text: `, ${job.employer}\t${dates(person, job)}` },
        ],
      },
      ...job.bullets.map((bullet) => ({ ...text(bullet), isBullet: true })),
    ]),
    heading(person.headings.education),
    ...person.schools.flatMap((school) => [
      text(school.institution, { bold: true }),
      text(`${school.degree}, ${writeSchoolDate(school, person.dateStyle).written}`),
    ]),
  ];
}

function sideBlocks(person: Person): DocxParagraph[] {
  return [
    heading(person.headings.skills),
    ...person.skillGroups.map((group) =>
      text(`${group.label === null ? '' : `${group.label}: `}${group.items.join(', ')}`),
    ),
    ...(person.languages.length === 0
      ? []
      : [
          heading(person.headings.languages),
          ...person.languages.map((language) => text(`${language.name} – ${language.level}`)),
        ]),
    ...(person.certifications.length === 0
      ? []
      : [
          heading(person.headings.certifications),
          ...person.certifications.map((c) => ({
            ...text(`${c.name}, ${c.year}`),
            isBullet: true,
          })),
        ]),
  ];
}

/** A DOCX: simple paragraphs, or a two-cell table (main text left, sidebar right). */
export function renderDocxBlocks(person: Person, layout: 'simple' | 'table'): DocxBlock[] {
  const header: DocxParagraph[] = [
    { runs: [{ text: person.name, bold: true, sizePt: 22 }], style: 'Title' },
    text(`${person.location} | ${person.phoneWritten} | ${person.email}`),
    {
      runs: [
        { text: 'LinkedIn', link: person.linkedin },
        ...(person.github === null
          ? []
          : [{ text: ' | ' }, { text: 'GitHub', link: person.github }]),
      ],
    },
  ];
  if (layout === 'simple') return [...header, ...mainBlocks(person), ...sideBlocks(person)];
  return [...header, { cells: [mainBlocks(person), sideBlocks(person)] }];
}

/** A plain-text resume, the kind pasted from an email. */
export function renderText(person: Person): string {
  const lines = [
    person.name.toUpperCase(),
    `${person.email} | ${person.phoneWritten} | ${person.location}`,
    [bare(person.linkedin), person.github === null ? null : bare(person.github)]
      .filter(Boolean)
      .join(' | '),
    '',
    person.headings.summary.toUpperCase(),
    person.summary,
    '',
    person.headings.experience.toUpperCase(),
  ];
  for (const job of person.jobs) {
    lines.push(
      `${job.employer} - ${job.place}`,
      `${job.title}    ${dates(person, job)}`,
      ...job.bullets.map((bullet) => `* ${bullet}`),
      '',
    );
  }
  lines.push(person.headings.education.toUpperCase());
  for (const school of person.schools)
    lines.push(
      `${school.degree}, ${school.institution} (${writeSchoolDate(school, person.dateStyle).written})`,
    );
  lines.push(
    '',
    `${person.headings.skills.toUpperCase()}:`,
    person.skillGroups.flatMap((group) => group.items).join(', '),
  );
  if (person.languages.length > 0)
    lines.push('', 'LANGUAGES', person.languages.map((l) => `${l.name} (${l.level})`).join(', '));
  if (person.certifications.length > 0)
    lines.push(
      '',
      person.headings.certifications.toUpperCase(),
      ...person.certifications.map((c) => `- ${c.name} (${c.year})`),
    );
  return `${lines.join('\n')}\n`;
}

/** A Markdown resume, as written in a README-style profile. */
export function renderMarkdown(person: Person): string {
  const lines = [
    `# ${person.name}`,
    '',
    `${person.location} · ${person.phoneWritten} · [${person.email}](mailto:${person.email}) · [LinkedIn](${person.linkedin})${person.github === null ? '' : ` · [GitHub](${person.github})`}`,
    '',
    `## ${person.headings.summary}`,
    '',
    person.summary,
    '',
    `## ${person.headings.experience}`,
    '',
  ];
  for (const job of person.jobs) {
    lines.push(
      `### ${job.title} — ${job.employer}`,
      `*${dates(person, job)}*`,
      '',
      ...job.bullets.map((bullet) => `- ${bullet}`),
      '',
    );
  }
  lines.push(`## ${person.headings.education}`, '');
  for (const school of person.schools)
    lines.push(
      `**${school.institution}**  `,
      `${school.degree}, ${writeSchoolDate(school, person.dateStyle).written}`,
      '',
    );
  lines.push(
    `## ${person.headings.skills}`,
    '',
    ...person.skillGroups.map(
      (group) => `- ${group.label === null ? '' : `**${group.label}:** `}${group.items.join(', ')}`,
    ),
    '',
  );
  if (person.languages.length > 0)
    lines.push('## Languages', '', ...person.languages.map((l) => `- ${l.name} (${l.level})`), '');
  if (person.certifications.length > 0)
    lines.push(
      `## ${person.headings.certifications}`,
      '',
      ...person.certifications.map((c) => `- ${c.name} (${c.year})`),
      '',
    );
  return lines.join('\n');
}
