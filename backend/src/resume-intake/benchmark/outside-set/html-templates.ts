import type { OutsidePerson } from './outside-person.js';

/**
 * HTML resumes printed to PDF by Chromium, in the manner of design tools (a coloured sidebar with
 * contact, skill bars and languages; the main column with sentences under each job), of LinkedIn's
 * "Save to PDF" (a grey left column, company over title, durations in parentheses, page footers),
 * and of European CVs (a label column on the left: dates beside each entry).
 */
export type HtmlStyle =
  | 'design-sidebar'
  | 'design-sidebar-right'
  | 'design-timeline'
  | 'linkedin'
  | 'europass'
  | 'lebenslauf';

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const url = (written: string): string =>
  /^https?:\/\//.test(written) ? written : `https://${written}`;

const ICONS = { phone: '☎', email: '✉', location: '⌖', link: '🔗' };

function page(css: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #222; }
ul { margin: 2px 0 6px; padding-left: 14px; }
li { margin: 1px 0; }
a { color: inherit; text-decoration: none; }
${css}
</style></head><body>${body}</body></html>`;
}

function sidebarContact(person: OutsidePerson): string {
  return [
    person.phone === undefined ? '' : `<p>${ICONS.phone} ${esc(person.phone)}</p>`,
    person.email === undefined
      ? ''
      : `<p>${ICONS.email} <a href="mailto:${esc(person.email)}">${esc(person.email)}</a></p>`,
    person.location === undefined ? '' : `<p>${ICONS.location} ${esc(person.location)}</p>`,
    ...(person.links ?? []).map(
      (link) => `<p>${ICONS.link} <a href="${esc(url(link))}">${esc(link)}</a></p>`,
    ),
  ].join('');
}

function skillBars(person: OutsidePerson): string {
  return person.skills
    .flatMap((group) => group.items)
    .map(
      (item, index) =>
        `<div class="skill"><span>${esc(item)}</span><div class="bar"><i style="width:${90 - (index % 4) * 12}%"></i></div></div>`,
    )
    .join('');
}

/** A design tool's resume: a coloured sidebar and a main column with sentences under each job. */
function designSidebar(person: OutsidePerson, side: 'left' | 'right' | 'timeline'): string {
  const sidebar = `<aside>
<div class="photo"></div>
<h3>Contact</h3>${sidebarContact(person)}
<h3>Skills</h3>${skillBars(person)}
${person.languages === undefined ? '' : `<h3>Languages</h3>${person.languages.map((language) => `<p>${esc(language)}</p>`).join('')}`}
${person.certifications === undefined ? '' : `<h3>Certifications</h3>${person.certifications.map((item) => `<p>${esc(item)}</p>`).join('')}`}
</aside>`;
  const job = (entry: OutsidePerson['jobs'][number]): string =>
    side === 'timeline'
      ? `<div class="tl"><div class="when">${esc(entry.dates)}</div><div><p class="role">${esc(entry.title)}</p><p class="org">${esc(entry.employer)}${entry.place === undefined ? '' : ` | ${esc(entry.place)}`}</p>${entry.bullets.map((bullet) => `<p class="sentence">${esc(bullet)}</p>`).join('')}</div></div>`
      : `<div class="job"><p class="when">${esc(entry.dates)}</p><p class="org">${esc(entry.employer)}${entry.place === undefined ? '' : ` | ${esc(entry.place)}`}</p><p class="role">${esc(entry.title)}</p><ul>${entry.bullets.map((bullet) => `<li>${esc(bullet)}</li>`).join('')}</ul></div>`;
  const school = (entry: OutsidePerson['schools'][number]): string =>
    `<div class="job"><p class="when">${esc(entry.dates)}</p><p class="org">${esc(entry.institution)}${entry.place === undefined ? '' : `, ${esc(entry.place)}`}</p><p class="role">${esc(entry.degree)}</p>${entry.grade === undefined ? '' : `<p>${esc(entry.grade)}</p>`}</div>`;
  const main = `<main>
<h1>${esc(person.name.toUpperCase())}</h1>
${person.headline === undefined ? '' : `<p class="headline">${esc(person.headline)}</p>`}
${person.summary === undefined ? '' : `<h2>About me</h2><p>${esc(person.summary)}</p>`}
<h2>Work Experience</h2>${person.jobs.map(job).join('')}
<h2>Education</h2>${person.schools.map(school).join('')}
${(person.extra ?? [])
  .map(
    (block) =>
      `<h2>${esc(block.heading)}</h2><ul>${block.items.map((item) => `<li>${esc(item.title)}${item.detail === undefined ? '' : ` – ${esc(item.detail)}`}${item.dates === undefined ? '' : ` (${esc(item.dates)})`}</li>`).join('')}</ul>`,
  )
  .join('')}
</main>`;
  const isRight = side === 'right';
  return page(
    `.wrap { display: flex; flex-direction: ${isRight ? 'row-reverse' : 'row'}; min-height: 297mm; }
aside { width: 34%; background: ${isRight ? '#f1e9dc' : '#23395b'}; color: ${isRight ? '#333' : '#fff'}; padding: 14mm 8mm; }
aside h3 { text-transform: uppercase; letter-spacing: 2px; font-size: 10pt; border-bottom: 1px solid currentColor; padding-bottom: 3px; margin-top: 18px; }
aside p { margin: 4px 0; font-size: 8.5pt; word-break: break-all; }
.photo { width: 90px; height: 90px; border-radius: 50%; background: #9fb3c8; margin: 0 auto 12px; }
.skill { font-size: 8.5pt; margin: 5px 0; } .bar { height: 5px; background: rgba(128,128,128,.4); } .bar i { display: block; height: 5px; background: ${isRight ? '#b5835a' : '#8ecae6'}; }
main { width: 66%; padding: 14mm 10mm; }
h1 { font-size: 26pt; letter-spacing: 3px; margin: 0; font-weight: 300; }
.headline { font-size: 12pt; color: #666; letter-spacing: 2px; margin: 2px 0 10px; }
h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: 2px; color: #23395b; margin: 16px 0 6px; }
.job { margin-bottom: 8px; } .job p { margin: 1px 0; }
.when { color: #888; font-size: 8.5pt; } .org { font-weight: bold; } .role { font-style: italic; }
.tl { display: flex; gap: 10px; margin-bottom: 8px; } .tl .when { width: 24%; flex: none; } .tl p { margin: 1px 0; }
.sentence { margin: 2px 0; }`,
    `<div class="wrap">${sidebar}${main}</div>`,
  );
}

/** LinkedIn's "Save to PDF": a grey left column; company, title, dates with the duration. */
function linkedin(person: OutsidePerson): string {
  const groups: { employer: string; jobs: OutsidePerson['jobs'] }[] = [];
  for (const job of person.jobs) {
    const last = groups.at(-1);
    if (last?.employer === job.employer) last.jobs.push(job);
    else groups.push({ employer: job.employer, jobs: [job] });
  }
  const experience = groups
    .map((group) => {
      const roles = group.jobs
        .map(
          (job) =>
            `<p class="title">${esc(job.title)}</p><p class="muted">${esc(job.dates)}${job.duration === undefined ? '' : ` (${esc(job.duration)})`}</p>${job.place === undefined ? '' : `<p class="muted">${esc(job.place)}</p>`}${job.bullets.map((bullet) => `<p>${esc(bullet)}</p>`).join('')}${job.note === undefined ? '' : `<p class="muted">${esc(job.note)}</p>`}`,
        )
        .join('');
      const companyTotal = group.jobs[0]?.companyTotal;
      const total = companyTotal === undefined ? '' : `<p class="muted">${esc(companyTotal)}</p>`;
      return `<div class="company"><p class="employer">${esc(group.employer)}</p>${total}${roles}</div>`;
    })
    .join('');
  const education = person.schools
    .map(
      (school) =>
        `<p class="employer">${esc(school.institution)}</p><p>${esc(school.degree)} · (${esc(school.dates)})</p>`,
    )
    .join('');
  const extra = (person.extra ?? [])
    .map(
      (block) =>
        `<h3>${esc(block.heading)}</h3>${block.items.map((item) => `<p>${esc(item.title)}</p>`).join('')}`,
    )
    .join('');
  return page(
    `.wrap { display: flex; min-height: 297mm; }
aside { width: 31%; background: #f3f6f8; padding: 12mm 6mm; font-size: 9pt; }
aside h3 { font-size: 11pt; margin: 14px 0 6px; }
aside p { margin: 2px 0; word-break: break-all; }
main { width: 69%; padding: 12mm 9mm; }
h1 { font-size: 24pt; margin: 0 0 4px; font-weight: normal; }
.headline { font-size: 11pt; margin: 0 0 2px; } .muted { color: #737373; margin: 1px 0; }
h2 { font-size: 14pt; font-weight: normal; margin: 16px 0 6px; }
.company { margin-bottom: 10px; } .employer { font-size: 11pt; margin: 6px 0 0; }
.title { font-size: 10pt; margin: 4px 0 0; } main p { margin: 2px 0; }
.footer { position: fixed; bottom: 6mm; right: 10mm; color: #999; font-size: 8pt; }`,
    `<div class="wrap"><aside>
<h3>Contact</h3>
${person.phone === undefined ? '' : `<p>${esc(person.phone)} (Mobile)</p>`}
${person.email === undefined ? '' : `<p><a href="mailto:${esc(person.email)}">${esc(person.email)}</a></p>`}
${(person.links ?? []).map((link) => `<p><a href="${esc(url(link))}">${esc(link)}</a>${link.includes('linkedin') ? ' (LinkedIn)' : ' (Personal)'}</p>`).join('')}
<h3>Top Skills</h3>${person.skills
      .flatMap((group) => group.items)
      .map((item) => `<p>${esc(item)}</p>`)
      .join('')}
${person.languages === undefined ? '' : `<h3>Languages</h3>${person.languages.map((language) => `<p>${esc(language)}</p>`).join('')}`}
${person.certifications === undefined ? '' : `<h3>Certifications</h3>${person.certifications.map((item) => `<p>${esc(item)}</p>`).join('')}`}
${extra}
</aside><main>
<h1>${esc(person.name)}</h1>
${person.headline === undefined ? '' : `<p class="headline">${esc(person.headline)}</p>`}
${person.location === undefined ? '' : `<p class="muted">${esc(person.location)}</p>`}
${person.summary === undefined ? '' : `<h2>Summary</h2><p>${esc(person.summary)}</p>`}
<h2>Experience</h2>${experience}
<h2>Education</h2>${education}
</main></div><div class="footer">Page 1 of 1</div>`,
  );
}

/** A European CV: a right-aligned label column (dates, section names) beside the content. */
function european(person: OutsidePerson, isGerman: boolean): string {
  const label = isGerman
    ? {
        personal: 'Persönliche Daten',
        experience: 'Berufserfahrung',
        education: 'Ausbildung',
        skills: 'Kenntnisse',
        languages: 'Sprachen',
        summary: 'Profil',
        certifications: 'Zertifikate',
        name: 'Name',
        address: 'Wohnort',
        phone: 'Telefon',
        email: 'E-Mail',
      }
    : {
        personal: 'Personal information',
        experience: 'Work experience',
        education: 'Education and training',
        skills: 'Digital skills',
        languages: 'Language skills',
        summary: 'Profile',
        certifications: 'Certificates',
        name: 'Name',
        address: 'Address',
        phone: 'Telephone',
        email: 'E-mail',
      };
  const row = (left: string, right: string): string =>
    `<tr><td class="l">${left}</td><td>${right}</td></tr>`;
  const heading = (title: string): string =>
    `<tr><td class="l h">${esc(isGerman ? title : title.toUpperCase())}</td><td class="rule"></td></tr>`;
  let rows = heading(label.personal);
  rows += row(label.name, `<b>${esc(person.name)}</b>`);
  if (person.location !== undefined) rows += row(label.address, esc(person.location));
  if (person.phone !== undefined) rows += row(label.phone, esc(person.phone));
  if (person.email !== undefined) rows += row(label.email, esc(person.email));
  for (const link of person.links ?? [])
    rows += row('Web', `<a href="${esc(url(link))}">${esc(link)}</a>`);
  if (person.summary !== undefined) rows += heading(label.summary) + row('', esc(person.summary));
  rows += heading(label.experience);
  for (const job of person.jobs)
    rows += row(
      esc(job.dates),
      `${job.department === undefined ? `<b>${esc(job.title)}</b><br>${esc(job.employer)}${job.place === undefined ? '' : `, ${esc(job.place)}`}` : `<b>${esc(job.title)}</b>, ${esc(job.department)} — ${esc(job.employer)}<br>${esc(job.place ?? '')}`}<ul>${job.bullets.map((bullet) => `<li>${esc(bullet)}</li>`).join('')}</ul>`,
    );
  rows += heading(label.education);
  for (const school of person.schools)
    rows += row(
      esc(school.dates),
      `<b>${esc(school.degree)}</b><br>${esc(school.institution)}${school.place === undefined ? '' : `, ${esc(school.place)}`}${school.grade === undefined ? '' : `<br>${esc(school.grade)}`}`,
    );
  if (person.languages !== undefined)
    rows += heading(label.languages) + row('', person.languages.map(esc).join(', '));
  rows +=
    heading(label.skills) +
    row(
      '',
      person.skills
        .flatMap((group) => group.items)
        .map(esc)
        .join(', '),
    );
  if (person.certifications !== undefined)
    rows += heading(label.certifications) + row('', person.certifications.map(esc).join('<br>'));
  return page(
    `body { padding: 14mm 14mm; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 3px 6px; }
td.l { width: 28%; text-align: right; color: #1f3864; font-size: 8.5pt; padding-right: 12px; }
td.h { font-weight: bold; padding-top: 14px; font-size: 9.5pt; }
td.rule { border-bottom: 1px solid #1f3864; }`,
    `${isGerman ? '<h1 style="font-weight:300;letter-spacing:4px">LEBENSLAUF</h1>' : '<p style="color:#1f3864;font-size:15pt;margin:0 0 10px">Curriculum Vitae</p>'}<table>${rows}</table>`,
  );
}

/** The HTML of a person in one style. */
export function renderHtmlResume(person: OutsidePerson, style: HtmlStyle): string {
  switch (style) {
    case 'design-sidebar':
      return designSidebar(person, 'left');
    case 'design-sidebar-right':
      return designSidebar(person, 'right');
    case 'design-timeline':
      return designSidebar(person, 'timeline');
    case 'linkedin':
      return linkedin(person);
    case 'europass':
      return european(person, false);
    case 'lebenslauf':
      return european(person, true);
  }
}
