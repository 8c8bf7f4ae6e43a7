import type { OutsidePerson } from './outside-person.js';

/**
 * Word-processor resumes, written as Flat ODT and converted by LibreOffice to DOCX and PDF: layout
 * tables (a sidebar cell beside the content; dates in a cell beside each job), text boxes (the name
 * and contact in a frame, skills in a frame at the side), the name in the page header and a footer,
 * a LinkedIn profile saved to Word, and an Indian resume with its education table, personal details
 * and declaration.
 */
export type OfficeStyle =
  'table-sidebar' | 'table-rows' | 'text-boxes' | 'linkedin-docx' | 'indian-docx';

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const url = (written: string): string =>
  /^https?:\/\//.test(written) ? written : `https://${written}`;

const p = (text: string, style = 'Standard'): string =>
  `<text:p text:style-name="${style}">${text}</text:p>`;
const b = (text: string): string => `<text:span text:style-name="Bold">${esc(text)}</text:span>`;
const i = (text: string): string => `<text:span text:style-name="Italic">${esc(text)}</text:span>`;
const link = (written: string): string =>
  `<text:a xlink:type="simple" xlink:href="${esc(url(written))}">${esc(written)}</text:a>`;
const list = (items: string[]): string =>
  items.length === 0
    ? ''
    : `<text:list text:style-name="L1">${items.map((item) => `<text:list-item>${p(esc(item), 'ListText')}</text:list-item>`).join('')}</text:list>`;
const cell = (content: string, style = 'Cell'): string =>
  `<table:table-cell table:style-name="${style}" office:value-type="string">${content}</table:table-cell>`;

function table(name: string, widthsCm: number[], rows: string[][], cellStyle = 'Cell'): string {
  return `<table:table table:name="${name}" table:style-name="${name}">${widthsCm
    .map(
      (_, index) =>
        `<table:table-column table:style-name="${name}.${String.fromCharCode(65 + index)}"/>`,
    )
    .join(
      '',
    )}${rows.map((row) => `<table:table-row>${row.map((content) => cell(content, cellStyle)).join('')}</table:table-row>`).join('')}</table:table>`;
}

function tableStyles(name: string, widthsCm: number[]): string {
  const total = widthsCm.reduce((sum, width) => sum + width, 0);
  return `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${total}cm" table:align="left"/></style:style>${widthsCm
    .map(
      (width, index) =>
        `<style:style style:name="${name}.${String.fromCharCode(65 + index)}" style:family="table-column"><style:table-column-properties style:column-width="${width}cm"/></style:style>`,
    )
    .join('')}`;
}

function document(options: {
  automatic: string;
  header?: string;
  footer?: string;
  body: string;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt"/></style:style>
<style:style style:name="ListText" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Name" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="22pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
<style:style style:name="Sub" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt" fo:color="#555555"/></style:style>
<style:style style:name="Section" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.1cm" fo:border-bottom="0.5pt solid #1f3864" fo:padding-bottom="0.05cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="8pt" fo:color="#666666"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.6cm" fo:margin-right="1.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none"/></style:style>
<style:style style:name="Ruled" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="Side" style:family="table-cell"><style:table-cell-properties fo:padding="0.3cm" fo:background-color="#e8eef5" fo:border="none"/></style:style>
<style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="from-top" style:horizontal-pos="from-left" style:vertical-rel="paragraph" style:horizontal-rel="paragraph" fo:background-color="#dde7f0" fo:padding="0.2cm" fo:border="none"/></style:style>
<style:style style:name="fr2" style:family="graphic"><style:graphic-properties style:wrap="left" style:vertical-pos="from-top" style:horizontal-pos="from-left" style:vertical-rel="paragraph" style:horizontal-rel="paragraph" fo:background-color="#f2f2f2" fo:padding="0.2cm" fo:border="none"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.35cm" fo:margin-left="0.5cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
${options.automatic}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${options.header === undefined ? '' : `<style:header>${options.header}</style:header>`}${options.footer === undefined ? '' : `<style:footer>${options.footer}</style:footer>`}</style:master-page></office:master-styles>
<office:body><office:text>${options.body}</office:text></office:body>
</office:document>
`;
}

const contactItems = (person: OutsidePerson): string[] =>
  [
    person.location === undefined ? '' : esc(person.location),
    person.phone === undefined ? '' : esc(person.phone),
    person.email === undefined ? '' : esc(person.email),
    ...(person.links ?? []).map(link),
  ].filter((item) => item !== '');

const skillsText = (person: OutsidePerson): string[] =>
  person.skills.map(
    (group) =>
      `${group.label === undefined ? '' : `${b(`${group.label}:`)} `}${group.items.map(esc).join(', ')}`,
  );

function extras(person: OutsidePerson): string {
  return (person.extra ?? [])
    .map(
      (block) =>
        p(esc(block.heading), 'Section') +
        list(
          block.items.map(
            (item) =>
              `${item.title}${item.detail === undefined ? '' : ` – ${item.detail}`}${item.dates === undefined ? '' : ` (${item.dates})`}`,
          ),
        ),
    )
    .join('');
}

/** A layout table: the sidebar in the left cell, the resume in the right; the name in the page header. */
function tableSidebar(person: OutsidePerson): string {
  const side = [
    p(b('CONTACT')),
    ...contactItems(person).map((item) => p(item)),
    p(''),
    p(b('SKILLS')),
    ...person.skills.flatMap((group) => group.items).map((item) => p(esc(item))),
    ...(person.languages === undefined
      ? []
      : [p(''), p(b('LANGUAGES')), ...person.languages.map((item) => p(esc(item)))]),
  ].join('');
  const main = [
    person.summary === undefined ? '' : p('Profile', 'Section') + p(esc(person.summary)),
    p('Experience', 'Section'),
    ...person.jobs.map(
      (job) =>
        p(b(job.title)) +
        p(
          `${esc(job.employer)}${job.place === undefined ? '' : `, ${esc(job.place)}`}\t${i(job.dates)}`,
        ) +
        list(job.bullets),
    ),
    p('Education', 'Section'),
    ...person.schools.map(
      (school) => p(b(school.degree)) + p(`${esc(school.institution)}\t${i(school.dates)}`),
    ),
    person.certifications === undefined
      ? ''
      : p('Certifications', 'Section') + list(person.certifications),
    extras(person),
  ].join('');
  return document({
    automatic: tableStyles('Layout', [5.2, 12.6]),
    header:
      p(esc(person.name), 'Name') +
      (person.headline === undefined ? '' : p(esc(person.headline), 'Sub')),
    footer: p('References available on request', 'Small'),
    body: `<table:table table:name="Layout" table:style-name="Layout"><table:table-column table:style-name="Layout.A"/><table:table-column table:style-name="Layout.B"/><table:table-row>${cell(side, 'Side')}${cell(main)}</table:table-row></table:table>`,
  });
}

/** Sections as headings, each job a table row: the dates in the left cell, the job in the right. */
function tableRows(person: OutsidePerson): string {
  const jobs = person.jobs.map((job) => [
    p(esc(job.dates)),
    p(
      job.department === undefined
        ? `${b(job.title)} | ${esc(job.employer)}`
        : `${b(job.title)}, ${esc(job.department)} — ${esc(job.employer)}`,
    ) +
      (job.place === undefined ? '' : p(i(job.place))) +
      list(job.bullets),
  ]);
  const schools = person.schools.map((school) => [
    p(esc(school.degree)),
    p(esc(school.institution)),
    p(esc(school.dates)),
  ]);
  const body = [
    person.summary === undefined ? '' : p('Summary', 'Section') + p(esc(person.summary)),
    p('Professional Experience', 'Section'),
    table('Jobs', [3.6, 14.2], jobs),
    p('Education', 'Section'),
    table(
      'Schools',
      [6.6, 8.2, 3],
      [[p(b('Degree')), p(b('Institution')), p(b('Year'))], ...schools],
      'Ruled',
    ),
    p('Skills', 'Section'),
    ...skillsText(person).map((line) => p(line)),
    person.languages === undefined
      ? ''
      : p('Languages', 'Section') + p(person.languages.map(esc).join(' · ')),
    person.certifications === undefined
      ? ''
      : p('Certifications', 'Section') + list(person.certifications),
    extras(person),
  ].join('');
  return document({
    automatic: tableStyles('Jobs', [3.6, 14.2]) + tableStyles('Schools', [6.6, 8.2, 3]),
    header: p(b(person.name), 'Name') + p(contactItems(person).join(' | '), 'Small'),
    footer: p(`${esc(person.name)} – Resume`, 'Small'),
    body,
  });
}

/** The name and contact in a text box at the top; skills and languages in a box at the right. */
function textBoxes(person: OutsidePerson): string {
  const top = `<draw:frame draw:style-name="fr1" draw:name="NameBox" text:anchor-type="paragraph" svg:x="0cm" svg:y="0cm" svg:width="17.8cm" draw:z-index="0"><draw:text-box fo:min-height="2.2cm">${p(esc(person.name), 'Name')}${person.headline === undefined ? '' : p(esc(person.headline), 'Sub')}${p(contactItems(person).join('   '))}</draw:text-box></draw:frame>`;
  const side = `<draw:frame draw:style-name="fr2" draw:name="SkillBox" text:anchor-type="paragraph" svg:x="12.3cm" svg:y="0cm" svg:width="5.5cm" draw:z-index="1"><draw:text-box fo:min-height="6cm">${p(b('Skills'))}${person.skills
    .flatMap((group) => group.items)
    .map((item) => p(esc(item)))
    .join(
      '',
    )}${person.languages === undefined ? '' : p('') + p(b('Languages')) + person.languages.map((item) => p(esc(item))).join('')}</draw:text-box></draw:frame>`;
  const body = [
    `<text:p text:style-name="Standard">${top}</text:p>`,
    p(''),
    p(''),
    p(''),
    p(''),
    `<text:p text:style-name="Section">${side}Experience</text:p>`,
    ...person.jobs.map(
      (job) =>
        p(`${b(job.employer)} — ${esc(job.title)}`) +
        p(i(`${job.dates}${job.place === undefined ? '' : `, ${job.place}`}`)) +
        list(job.bullets),
    ),
    p('Education', 'Section'),
    ...person.schools.map((school) =>
      p(`${b(school.institution)}, ${esc(school.degree)}, ${esc(school.dates)}`),
    ),
    person.summary === undefined ? '' : p('Profile', 'Section') + p(esc(person.summary)),
    person.certifications === undefined
      ? ''
      : p('Certifications', 'Section') + list(person.certifications),
    extras(person),
  ].join('');
  return document({ automatic: '', body });
}

/** A LinkedIn profile saved as a Word document: plain paragraphs, company over title and dates. */
function linkedinDocx(person: OutsidePerson): string {
  const body = [
    p(esc(person.name), 'Name'),
    person.headline === undefined ? '' : p(esc(person.headline), 'Sub'),
    person.location === undefined ? '' : p(esc(person.location)),
    p('Contact', 'Section'),
    ...contactItems(person)
      .filter((item) => item !== esc(person.location ?? ''))
      .map((item) => p(item)),
    p('Top Skills', 'Section'),
    ...person.skills.flatMap((group) => group.items).map((item) => p(esc(item))),
    person.summary === undefined ? '' : p('Summary', 'Section') + p(esc(person.summary)),
    p('Experience', 'Section'),
    ...person.jobs.map(
      (job) =>
        p(b(job.employer)) +
        (job.companyTotal === undefined ? '' : p(esc(job.companyTotal), 'Small')) +
        p(esc(job.title)) +
        p(
          `${esc(job.dates)}${job.duration === undefined ? '' : ` (${esc(job.duration)})`}`,
          'Small',
        ) +
        (job.place === undefined ? '' : p(esc(job.place), 'Small')) +
        job.bullets.map((bullet) => p(esc(bullet))).join('') +
        (job.note === undefined ? '' : p(esc(job.note), 'Small')),
    ),
    p('Education', 'Section'),
    ...person.schools.map(
      (school) => p(b(school.institution)) + p(`${esc(school.degree)} · (${esc(school.dates)})`),
    ),
    person.languages === undefined
      ? ''
      : p('Languages', 'Section') + person.languages.map((item) => p(esc(item))).join(''),
    person.certifications === undefined
      ? ''
      : p('Certifications', 'Section') + person.certifications.map((item) => p(esc(item))).join(''),
  ].join('');
  return document({ automatic: '', body });
}

/** An Indian resume in Word: education table with board and percentage, personal details, declaration. */
function indianDocx(person: OutsidePerson): string {
  const rows = person.schools.map((school, index) => [
    p(String(index + 1)),
    p(esc(school.degree)),
    p(`${esc(school.institution)}${school.place === undefined ? '' : `, ${esc(school.place)}`}`),
    p(esc(school.board ?? '')),
    p(esc(school.dates)),
    p(esc(school.grade ?? '')),
  ]);
  const body = [
    p(esc(person.name.toUpperCase()), 'Name'),
    p(
      [person.email, person.phone]
        .filter((item): item is string => item !== undefined)
        .map(esc)
        .join(' | '),
    ),
    ...(person.links ?? []).map((item) => p(link(item))),
    person.summary === undefined ? '' : p('CAREER OBJECTIVE', 'Section') + p(esc(person.summary)),
    p('EDUCATIONAL QUALIFICATIONS', 'Section'),
    table(
      'Edu',
      [1, 3.4, 5.6, 3, 2.2, 2.6],
      [
        [
          p(b('S.No')),
          p(b('Course')),
          p(b('Institution')),
          p(b('Board/University')),
          p(b('Year of Passing')),
          p(b('Percentage/CGPA')),
        ],
        ...rows,
      ],
      'Ruled',
    ),
    person.jobs.length === 0 ? '' : p('WORK EXPERIENCE', 'Section'),
    ...person.jobs.map(
      (job) =>
        p(
          `${b(job.title)}, ${esc(job.employer)}${job.place === undefined ? '' : `, ${esc(job.place)}`} (${esc(job.dates)})`,
        ) + list(job.bullets),
    ),
    p('TECHNICAL SKILLS', 'Section'),
    list(
      person.skills.map(
        (group) =>
          `${group.label === undefined ? '' : `${group.label}: `}${group.items.join(', ')}`,
      ),
    ),
    person.certifications === undefined
      ? ''
      : p('CERTIFICATIONS', 'Section') + list(person.certifications),
    extras(person),
    p('PERSONAL DETAILS', 'Section'),
    p(`Date of Birth\t: 14-08-2001`),
    p(`Languages Known\t: ${(person.languages ?? []).map(esc).join(', ')}`),
    person.location === undefined ? '' : p(`Address\t: ${esc(person.location)}`),
    p('DECLARATION', 'Section'),
    p('I hereby declare that the above information is true to the best of my knowledge.'),
    p(
      `Place: ${esc(person.location?.split(',')[0] ?? '')}\t\t\t\t\t(${esc(person.name.toUpperCase())})`,
    ),
  ].join('');
  return document({ automatic: tableStyles('Edu', [1, 3.4, 5.6, 3, 2.2, 2.6]), body });
}

/** The Flat ODT of a person in one style. */
export function renderFlatOdt(person: OutsidePerson, style: OfficeStyle): string {
  switch (style) {
    case 'table-sidebar':
      return tableSidebar(person);
    case 'table-rows':
      return tableRows(person);
    case 'text-boxes':
      return textBoxes(person);
    case 'linkedin-docx':
      return linkedinDocx(person);
    case 'indian-docx':
      return indianDocx(person);
  }
}
