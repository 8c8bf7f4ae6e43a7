import { writeDate, writeSchoolDate, type Person } from './fixture-people.js';

/** The HTML layouts of the labelled set; each renders a person to a page Chromium prints to PDF. */
export type HtmlTemplate =
  | 'classic'
  | 'modern-icons'
  | 'two-column'
  | 'sidebar-left'
  | 'sidebar-right'
  | 'compact'
  | 'grid-shuffled';

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const bare = (url: string): string => url.replace(/^https:\/\/(www\.)?/, '');

function dates(person: Person, job: Person['jobs'][number]): string {
  return `${writeDate(job.start, person.dateStyle, person.presentWord)} – ${writeDate(job.end, person.dateStyle, person.presentWord)}`;
}

function skillsHtml(person: Person, mode: 'lines' | 'bullets' | 'pipes'): string {
  if (mode === 'bullets')
    return `<ul>${person.skillGroups
      .flatMap((group) => group.items)
      .map((item) => `<li>${esc(item)}</li>`)
      .join('')}</ul>`;
  if (mode === 'pipes')
    return `<p>${person.skillGroups
      .flatMap((group) => group.items)
      .map(esc)
      .join(' | ')}</p>`;
  return person.skillGroups
    .map(
      (group) =>
        `<p>${group.label === null ? '' : `<b>${group.label}:</b> `}${group.items.map(esc).join(', ')}</p>`,
    )
    .join('');
}

function languagesHtml(person: Person): string {
  if (person.languages.length === 0) return '';
  return `<h2>${person.headings.languages}</h2><p>${person.languages.map((language) => `${language.name} (${language.level})`).join(', ')}</p>`;
}

function certificationsHtml(person: Person): string {
  if (person.certifications.length === 0) return '';
  return `<h2>${esc(person.headings.certifications)}</h2><ul>${person.certifications.map((c) => `<li>${esc(c.name)} (${c.year})</li>`).join('')}</ul>`;
}

function educationHtml(person: Person, style: 'right-dates' | 'inline'): string {
  return `<h2>${esc(person.headings.education)}</h2>${person.schools
    .map((school) => {
      const date = writeSchoolDate(school, person.dateStyle).written;
      return style === 'right-dates'
        ? `<div class="row"><b>${esc(school.institution)}</b><span>${date}</span></div><div>${esc(school.degree)}</div>`
        : `<div class="entry"><b>${esc(school.degree)}</b><br>${esc(school.institution)}, ${date}</div>`;
    })
    .join('')}`;
}

type JobStyle = 'title-employer-right' | 'employer-then-title' | 'title-at-employer' | 'stacked';

function experienceHtml(
  person: Person,
  style: JobStyle,
  bullet: 'list' | 'text-dot' | 'text-dash',
): string {
  const bullets = (items: string[]): string =>
    bullet === 'list'
      ? `<ul>${items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`
      : items
          .map((item) => `<div class="b">${bullet === 'text-dot' ? '•' : '–'} ${esc(item)}</div>`)
          .join('');
  return `<h2>${esc(person.headings.experience)}</h2>${person.jobs
    .map((job) => {
      switch (style) {
        case 'title-employer-right':
          return `<div class="entry"><div class="row"><span><b>${esc(job.title)}</b> — ${esc(job.employer)}</span><span>${dates(person, job)}</span></div>${bullets(job.bullets)}</div>`;
        case 'employer-then-title':
          return `<div class="entry"><div class="row"><b>${esc(job.employer)}</b><span>${esc(job.place)}</span></div><div class="row"><i>${esc(job.title)}</i><span>${dates(person, job)}</span></div>${bullets(job.bullets)}</div>`;
        case 'title-at-employer':
          return `<div class="entry"><b>${esc(job.title)}</b> at ${esc(job.employer)} | ${esc(job.place)}<div class="muted">${dates(person, job)}</div>${bullets(job.bullets)}</div>`;
        case 'stacked':
          return `<div class="entry"><div class="muted">${dates(person, job)}</div><b>${esc(job.title)}</b><div>${esc(job.employer)}</div>${bullets(job.bullets)}</div>`;
      }
    })
    .join('')}`;
}

const BASE_CSS = `
  @page { size: Letter; margin: 14mm 14mm; }
  body { margin: 0; color: #222; }
  h1 { margin: 0 0 4px; }
  h2 { margin: 14px 0 6px; font-size: 13pt; }
  p { margin: 2px 0; }
  ul { margin: 2px 0 6px; padding-left: 18px; }
  .row { display: flex; justify-content: space-between; }
  .entry { margin-bottom: 8px; }
  .muted { color: #666; }
  .b { margin-left: 10px; }
`;

function contactLine(
  person: Person,
  separator: string,
  options: { icons: boolean; labelledLinks: boolean; site: boolean },
): string {
  const icon = (glyph: string): string => (options.icons ? `${glyph} ` : '');
  const parts = [
    `${icon('✉')}${esc(person.email)}`,
    `${icon('☎')}${esc(person.phoneWritten)}`,
    `${icon('⌂')}${esc(person.location)}`,
    options.labelledLinks
      ? `<a href="${person.linkedin}">LinkedIn</a>`
      : `<a href="${person.linkedin}">${bare(person.linkedin)}</a>`,
  ];
  if (person.github !== null)
    parts.push(
      options.labelledLinks ? `<a href="${person.github}">GitHub</a>` : bare(person.github),
    );
  if (options.site && person.site !== null) parts.push(bare(person.site));
  return parts.join(separator);
}

/** The page for one template. */
export function renderHtml(person: Person, template: HtmlTemplate): string {
  const page = (font: string, css: string, body: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><title>Resume - ${esc(person.name)}</title><style>${BASE_CSS} body { font-family: ${font}; font-size: 10.5pt; } ${css}</style></head><body>${body}</body></html>`;
  const summary = `<h2>${esc(person.headings.summary)}</h2><p>${esc(person.summary)}</p>`;
  switch (template) {
    case 'classic':
      return page(
        "'Liberation Serif', serif",
        'header { text-align: center; } h2 { text-transform: uppercase; border-bottom: 1px solid #999; }',
        `<header><h1>${esc(person.name)}</h1><p>${contactLine(person, ' | ', { icons: false, labelledLinks: false, site: true })}</p></header>${summary}${experienceHtml(person, 'title-employer-right', 'list')}${educationHtml(person, 'right-dates')}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'lines')}${languagesHtml(person)}${certificationsHtml(person)}`,
      );
    case 'modern-icons':
      return page(
        "'DejaVu Sans', sans-serif",
        'h1 { letter-spacing: 6px; text-transform: uppercase; font-size: 24pt; } h2 { letter-spacing: 4px; text-transform: uppercase; color: #2a5d9f; font-size: 11pt; }',
        `<h1>${esc(person.name)}</h1><p>${contactLine(person, ' · ', { icons: true, labelledLinks: true, site: false })}</p>${summary}${experienceHtml(person, 'employer-then-title', 'text-dot')}${educationHtml(person, 'inline')}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'pipes')}${certificationsHtml(person)}${languagesHtml(person)}`,
      );
    case 'two-column':
      return page(
        "'Liberation Sans', sans-serif",
        '.cols { display: flex; gap: 28px; } .left { flex: 1.4; } .right { flex: 1; } h2 { border-bottom: 2px solid #333; }',
        `<h1>${esc(person.name)}</h1><p>${contactLine(person, '  •  ', { icons: false, labelledLinks: true, site: true })}</p><div class="cols"><div class="left">${summary}${experienceHtml(person, 'stacked', 'list')}</div><div class="right">${educationHtml(person, 'inline')}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'bullets')}${languagesHtml(person)}${certificationsHtml(person)}</div></div>`,
      );
    case 'sidebar-left':
      return page(
        "'DejaVu Sans', sans-serif",
        '.wrap { display: flex; gap: 24px; } .side { width: 30%; background: #eef2f7; padding: 10px; } .main { flex: 1; } .side p { overflow-wrap: anywhere; } h1 { font-size: 22pt; }',
        `<div class="wrap"><div class="side"><h1>${esc(person.name)}</h1><h2>Contact</h2><p>✉ ${esc(person.email)}</p><p>☎ ${esc(person.phoneWritten)}</p><p>${esc(person.location)}</p><p><a href="${person.linkedin}">LinkedIn</a></p>${person.github === null ? '' : `<p><a href="${person.github}">GitHub</a></p>`}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'bullets')}${languagesHtml(person)}</div><div class="main">${summary}${experienceHtml(person, 'title-at-employer', 'list')}${educationHtml(person, 'inline')}${certificationsHtml(person)}</div></div>`,
      );
    case 'sidebar-right':
      return page(
        "'Liberation Sans Narrow', 'Liberation Sans', sans-serif",
        '.wrap { display: flex; gap: 26px; } .side { width: 32%; border-left: 3px solid #c33; padding-left: 10px; } .main { flex: 1; } h1 { font-size: 26pt; color: #c33; }',
        `<h1>${esc(person.name)}</h1><div class="wrap"><div class="main">${summary}${experienceHtml(person, 'title-employer-right', 'text-dash')}${educationHtml(person, 'right-dates')}</div><div class="side"><h2>Contact</h2><p>${esc(person.email)}</p><p>${esc(person.phoneWritten)}</p><p>${esc(person.location)}</p><p><a href="${person.linkedin}">LinkedIn</a></p>${person.github === null ? '' : `<p>${bare(person.github)}</p>`}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'lines')}${certificationsHtml(person)}${languagesHtml(person)}</div></div>`,
      );
    case 'compact':
      return page(
        "'DejaVu Serif', serif",
        'body { font-size: 9.5pt; } h1 { font-size: 18pt; } h2 { font-variant: small-caps; font-size: 12pt; border-bottom: 1px dotted #888; }',
        `<h1>${esc(person.name)}</h1><p>${esc(person.location)} — ${esc(person.phoneWritten)} — ${esc(person.email)}</p><p>${bare(person.linkedin)}${person.github === null ? '' : ` — ${bare(person.github)}`}</p>${summary}${experienceHtml(person, 'title-at-employer', 'text-dash')}${educationHtml(person, 'inline')}<h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'lines')}${languagesHtml(person)}${certificationsHtml(person)}`,
      );
    case 'grid-shuffled':
      return page(
        "'Liberation Sans', sans-serif",
        '.grid { display: grid; grid-template-columns: 35% 60%; column-gap: 5%; align-items: start; } h1 { font-size: 24pt; }',
        shuffledGrid(person),
      );
  }
}

/**
 * A sidebar layout whose blocks are placed by CSS grid but written in a shuffled order, so the PDF's
 * content stream is out of reading order, as in PDFs from design tools. Only the layout can read it.
 */
function shuffledGrid(person: Person): string {
  const left = [
    `<h1>${esc(person.name)}</h1>`,
    `<div><h2>Contact</h2><p>${esc(person.email)}</p><p>${esc(person.phoneWritten)}</p><p>${esc(person.location)}</p><p><a href="${person.linkedin}">LinkedIn</a></p>${person.github === null ? '' : `<p><a href="${person.github}">GitHub</a></p>`}</div>`,
    `<div><h2>${esc(person.headings.skills)}</h2>${skillsHtml(person, 'lines')}</div>`,
    `<div>${languagesHtml(person)}${certificationsHtml(person)}</div>`,
  ];
  const right = [
    `<div><h2>${esc(person.headings.summary)}</h2><p>${esc(person.summary)}</p></div>`,
    `<div>${experienceHtml(person, 'title-employer-right', 'text-dot')}</div>`,
    `<div>${educationHtml(person, 'inline')}</div>`,
  ];
  const rows = Math.max(left.length, right.length);
  const cells = [
    ...left.map((html, index) => ({ html, column: 1, row: index + 1 })),
    ...right.map((html, index) => ({ html, column: 2, row: index + 1 })),
  ];
  // A fixed permutation (reversed, then odd rows after even ones) keeps the fixture reproducible.
  const shuffled = [...cells].reverse().sort((a, b) => (a.row % 2) - (b.row % 2));
  const styleFor = (cell: { column: number; row: number }): string =>
    cell.column === 2 && cell.row === right.length
      ? `grid-column: 2; grid-row: ${cell.row} / span ${rows - right.length + 1};`
      : `grid-column: ${cell.column}; grid-row: ${cell.row};`;
  return `<div class="grid">${shuffled.map((cell) => `<div style="${styleFor(cell)}">${cell.html}</div>`).join('')}</div>`;
}
