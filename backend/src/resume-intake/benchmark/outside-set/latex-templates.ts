import type { OutsideJob, OutsidePerson, OutsideSchool } from './outside-person.js';

/**
 * LaTeX resumes in the manner of the templates people copy: a moderncv-like classic (dates in a left
 * column, "Title, Employer, City" lines), an awesome-cv-like one (centred header with symbols,
 * employer over title in small capitals, places and dates flush right), Jake's resume (tabular
 * entries: two lines of two cells), two-column layouts (paracol), and an Indian campus format
 * (education as a ruled table). Our own sources, typeset by Debian's texlive with pdflatex.
 */
export type LatexStyle =
  | 'moderncv'
  | 'moderncv-banking'
  | 'awesome'
  | 'jake'
  | 'jake-company-first'
  | 'deedy'
  | 'alta'
  | 'indian-campus';

export const tex = (text: string): string =>
  text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/–/g, '--')
    .replace(/—/g, '---');

const url = (written: string): string =>
  /^https?:\/\//.test(written) ? written : `https://${written}`;
const href = (written: string): string => `\\href{${url(written)}}{${tex(written)}}`;

const PREAMBLE = `\\documentclass[10.5pt,a4paper]{article}
\\usepackage[T1]{fontenc}
\\usepackage[utf8]{inputenc}
\\usepackage{lmodern}
\\usepackage{xcolor}
\\usepackage{marvosym}
\\usepackage{tabularx}
\\usepackage{array}
\\usepackage{enumitem}
\\usepackage[hidelinks]{hyperref}
\\pagestyle{empty}
\\setlength{\\parindent}{0pt}
\\setlist[itemize]{leftmargin=1.2em,itemsep=0pt,topsep=1pt,parsep=0pt}
`;

function bullets(items: string[], size = '\\small'): string {
  if (items.length === 0) return '';
  return `{${size}\\begin{itemize}\n${items.map((item) => `\\item ${tex(item)}`).join('\n')}\n\\end{itemize}}`;
}

function skillLines(person: OutsidePerson): { label: string; items: string }[] {
  return person.skills.map((group) => ({
    label: group.label ?? 'Skills',
    items: group.items.map(tex).join(', '),
  }));
}

/** moderncv's classic look: a date column, a coloured rule before each section title. */
function moderncv(person: OutsidePerson, isBanking: boolean): string {
  const [first = '', ...rest] = person.name.split(' ');
  const contact = [
    person.location === undefined ? '' : `\\Letter~${tex(person.location)}`,
    person.phone === undefined ? '' : `\\Mobilefone~${tex(person.phone)}`,
    person.email === undefined
      ? ''
      : `\\Email~\\href{mailto:${person.email}}{${tex(person.email)}}`,
    ...(person.links ?? []).map((link) => `\\Mundus~${href(link)}`),
  ].filter((item) => item !== '');
  const header = isBanking
    ? `\\begin{center}{\\Huge\\bfseries ${tex(person.name)}}\\\\[2pt]
${person.headline === undefined ? '' : `{\\large\\itshape ${tex(person.headline)}}\\\\[4pt]`}
{\\small ${contact.join(' \\quad\\textbullet\\quad ')}}\\end{center}`
    : `\\begin{minipage}[t]{0.55\\linewidth}{\\fontsize{30}{34}\\selectfont ${tex(first)} \\textcolor{gray}{${tex(rest.join(' '))}}}\\\\[4pt]
${person.headline === undefined ? '' : `{\\large\\itshape\\textcolor{gray}{${tex(person.headline)}}}`}
\\end{minipage}\\hfill
\\begin{minipage}[t]{0.42\\linewidth}\\raggedleft\\small
${contact.join('\\\\\n')}
\\end{minipage}`;
  const section = (title: string): string =>
    isBanking
      ? `\n\\vspace{8pt}{\\large\\bfseries\\color{accent}${tex(title)}}\\\\[-6pt]{\\color{accent}\\rule{\\linewidth}{0.8pt}}\\\\[2pt]\n`
      : `\n\\vspace{8pt}\\begin{tabularx}{\\linewidth}{@{}p{0.2\\linewidth}@{\\hspace{0.025\\linewidth}}X@{}}{\\color{accent}\\rule[2pt]{\\linewidth}{3pt}} & {\\color{accent}\\Large ${tex(title)}}\\end{tabularx}\\\\[2pt]\n`;
  const entry = (date: string, head: string, body: string): string =>
    isBanking
      ? `\\textbf{${head.split('|')[0] ?? ''}} \\hfill ${tex(date)}\\\\\n${head.split('|')[1] ?? ''}\\\\\n${body}\\vspace{4pt}\n\n`
      : `\\begin{tabularx}{\\linewidth}{@{}>{\\raggedleft\\arraybackslash}p{0.2\\linewidth}@{\\hspace{0.025\\linewidth}}X@{}}\\small ${tex(date)} & ${head.replace('|', ', ')}\\\\ & ${body}\\end{tabularx}\\\\[3pt]\n`;
  // "Title, Department — Employer" is one line, as university and corporate resumes write it.
  const jobHead = (job: OutsideJob): string =>
    job.department === undefined
      ? `\\textbf{${tex(job.title)}}|\\textit{${tex(job.employer)}}${job.place === undefined ? '' : `, ${tex(job.place)}`}`
      : `\\textbf{${tex(job.title)}}, ${tex(job.department)} --- \\textit{${tex(job.employer)}}`;
  const schoolHead = (school: OutsideSchool): string =>
    `\\textbf{${tex(school.degree)}}|\\textit{${tex(school.institution)}}${school.place === undefined ? '' : `, ${tex(school.place)}`}`;
  let body = `${header}\n`;
  if (person.summary !== undefined)
    body += `${section('Profile')}${isBanking ? '' : '\\hspace*{0.225\\linewidth}\\begin{minipage}{0.775\\linewidth}'}\\small ${tex(person.summary)}${isBanking ? '' : '\\end{minipage}'}\n`;
  body += section('Experience');
  for (const job of person.jobs)
    body += entry(job.dates, jobHead(job), bullets(job.bullets).replace(/\n/g, ' '));
  body += section('Education');
  for (const school of person.schools)
    body += entry(
      school.dates,
      schoolHead(school),
      school.grade === undefined ? '' : `\\small ${tex(school.grade)}`,
    );
  body += section('Skills');
  for (const line of skillLines(person))
    body += isBanking
      ? `\\textbf{${tex(line.label)}:} ${line.items}\\\\\n`
      : `\\begin{tabularx}{\\linewidth}{@{}>{\\raggedleft\\arraybackslash}p{0.2\\linewidth}@{\\hspace{0.025\\linewidth}}X@{}}\\small ${tex(line.label)} & ${line.items}\\end{tabularx}\\\\\n`;
  if (person.languages !== undefined) {
    body += section('Languages');
    body += person.languages.map(tex).join(' \\quad ') + '\n';
  }
  if (person.certifications !== undefined) {
    body += section('Certifications');
    body += bullets(person.certifications) + '\n';
  }
  body += extras(person, section);
  return `${PREAMBLE}\\usepackage[margin=1.8cm]{geometry}
\\renewcommand{\\familydefault}{\\sfdefault}
\\definecolor{accent}{rgb}{${isBanking ? '0.55,0.1,0.1' : '0.22,0.45,0.70'}}
\\begin{document}
${body}
\\end{document}
`;
}

function extras(person: OutsidePerson, section: (title: string) => string): string {
  let body = '';
  for (const block of person.extra ?? []) {
    body += section(block.heading);
    body += `{\\small\\begin{itemize}\n${block.items
      .map(
        (item) =>
          `\\item \\textbf{${tex(item.title)}}${item.detail === undefined ? '' : ` -- ${tex(item.detail)}`}${item.dates === undefined ? '' : ` \\hfill ${tex(item.dates)}`}`,
      )
      .join('\n')}\n\\end{itemize}}\n`;
  }
  return body;
}

/** awesome-cv's manner: centred name and symbols, employer bold over the title in small capitals. */
function awesome(person: OutsidePerson): string {
  const [first = '', ...rest] = person.name.split(' ');
  const contact = [
    person.phone === undefined ? '' : `\\Mobilefone\\ ${tex(person.phone)}`,
    person.email === undefined
      ? ''
      : `\\Letter\\ \\href{mailto:${person.email}}{${tex(person.email)}}`,
    ...(person.links ?? []).map((link) => `\\Mundus\\ ${href(link)}`),
    person.location === undefined ? '' : `\\Pointinghand\\ ${tex(person.location)}`,
  ].filter((item) => item !== '');
  const section = (title: string): string =>
    `\n\\vspace{6pt}{\\Large\\bfseries\\textcolor{accent}{${tex(title.slice(0, 3))}}${tex(title.slice(3))}}\\hspace{4pt}\\textcolor{gray}{\\hrulefill}\\\\[2pt]\n`;
  const entry = (left1: string, right1: string, left2: string, right2: string): string =>
    `\\begin{tabular*}{\\linewidth}{@{\\extracolsep{\\fill}}l r}\\textbf{${left1}} & \\textit{\\textcolor{accent}{${right1}}}\\\\ {\\small\\scshape\\textcolor{gray}{${left2}}} & {\\small\\itshape\\textcolor{gray}{${right2}}}\\end{tabular*}\\\\\n`;
  let body = `\\begin{center}{\\fontsize{28}{32}\\selectfont\\textcolor{gray}{${tex(first)}} \\textbf{${tex(rest.join(' '))}}}\\\\[3pt]
${person.headline === undefined ? '' : `{\\small\\scshape\\textcolor{accent}{${tex(person.headline)}}}\\\\[3pt]`}
{\\small ${contact.join(' \\,\\textbar\\, ')}}\\end{center}\n`;
  if (person.summary !== undefined)
    body += `${section('Summary')}{\\small ${tex(person.summary)}}\n`;
  body += section('Experience');
  for (const job of person.jobs) {
    body += entry(tex(job.employer), tex(job.place ?? ''), tex(job.title), tex(job.dates));
    body += bullets(job.bullets);
  }
  body += section('Education');
  for (const school of person.schools) {
    body += entry(
      tex(school.institution),
      tex(school.place ?? ''),
      tex(school.degree),
      tex(school.dates),
    );
    if (school.grade !== undefined) body += bullets([school.grade]);
  }
  body += section('Skills');
  body += `\\begin{tabularx}{\\linewidth}{@{}>{\\raggedleft\\arraybackslash\\bfseries}p{0.18\\linewidth}X@{}}\n${skillLines(
    person,
  )
    .map((line) => `${tex(line.label)} & ${line.items}\\\\`)
    .join('\n')}\n\\end{tabularx}\n`;
  if (person.languages !== undefined)
    body += `${section('Languages')}{\\small ${person.languages.map(tex).join(', ')}}\n`;
  if (person.certifications !== undefined)
    body += `${section('Certificates')}${bullets(person.certifications)}\n`;
  body += extras(person, section);
  return `${PREAMBLE}\\usepackage[margin=1.6cm]{geometry}
\\renewcommand{\\familydefault}{\\sfdefault}
\\definecolor{accent}{HTML}{DC3522}
\\begin{document}
${body}
\\end{document}
`;
}

/** Jake's resume: small-capital section titles, each entry two rows of two cells. */
function jake(person: OutsidePerson, isCompanyFirst: boolean): string {
  const contact = [
    person.phone === undefined ? '' : tex(person.phone),
    person.email === undefined
      ? ''
      : `\\href{mailto:${person.email}}{\\underline{${tex(person.email)}}}`,
    ...(person.links ?? []).map((link) => `\\href{${url(link)}}{\\underline{${tex(link)}}}`),
    person.location === undefined ? '' : tex(person.location),
  ].filter((item) => item !== '');
  const section = (title: string): string =>
    `\n\\vspace{-2pt}\\section*{\\scshape ${tex(title)}}\\vspace{-8pt}\\hrule\\vspace{4pt}\n`;
  const sub = (a: string, b: string, c: string, d: string): string =>
    `\\begin{tabular*}{0.97\\textwidth}[t]{l@{\\extracolsep{\\fill}}r}\n\\textbf{${a}} & ${b} \\\\\n\\textit{\\small ${c}} & \\textit{\\small ${d}} \\\\\n\\end{tabular*}\\vspace{-2pt}\n\n`;
  let body = `\\begin{center}\n{\\Huge \\scshape ${tex(person.name)}} \\\\ \\vspace{2pt}\n\\small ${contact.join(' $|$ ')}\n\\end{center}\n`;
  if (person.summary !== undefined)
    body += `${section('Summary')}{\\small ${tex(person.summary)}}\n`;
  body += section('Education');
  for (const school of person.schools)
    body += sub(
      tex(school.institution),
      tex(school.place ?? ''),
      tex(school.degree),
      tex(school.dates),
    );
  body += section('Experience');
  for (const job of person.jobs) {
    body += isCompanyFirst
      ? sub(tex(job.employer), tex(job.dates), tex(job.title), tex(job.place ?? ''))
      : sub(tex(job.title), tex(job.dates), tex(job.employer), tex(job.place ?? ''));
    body += bullets(job.bullets);
  }
  for (const block of person.extra ?? []) {
    body += section(block.heading);
    for (const item of block.items) {
      body += `\\begin{tabular*}{0.97\\textwidth}{l@{\\extracolsep{\\fill}}r}\\small\\textbf{${tex(item.title)}}${item.detail === undefined ? '' : ` $|$ \\emph{${tex(item.detail)}}`} & \\small ${tex(item.dates ?? '')}\\end{tabular*}\\\\\n`;
    }
  }
  body += section('Technical Skills');
  body += `{\\small ${skillLines(person)
    .map((line) => `\\textbf{${tex(line.label)}}{: ${line.items}}`)
    .join(' \\\\\n')}}\n`;
  if (person.certifications !== undefined)
    body += `${section('Certifications')}${bullets(person.certifications)}\n`;
  if (person.languages !== undefined)
    body += `${section('Languages')}{\\small ${person.languages.map(tex).join(', ')}}\n`;
  return `${PREAMBLE}\\usepackage[left=0.55in,right=0.55in,top=0.5in,bottom=0.5in]{geometry}
\\usepackage{titlesec}
\\titlespacing*{\\section}{0pt}{6pt}{4pt}
\\titleformat{\\section}{\\large}{}{0em}{}
\\begin{document}
${body}
\\end{document}
`;
}

/** Two columns with paracol: a narrow column of facts beside the experience. */
function twoColumn(person: OutsidePerson, isNarrowLeft: boolean): string {
  const section = (title: string): string =>
    `\n\\vspace{6pt}{\\large\\bfseries\\MakeUppercase{${tex(title)}}}\\\\[-4pt]{\\color{accent}\\rule{\\linewidth}{1pt}}\\\\[2pt]\n`;
  let narrow = '';
  if (isNarrowLeft) {
    narrow += section('Contact');
    narrow += `{\\small ${[person.location, person.phone, person.email]
      .filter((item): item is string => item !== undefined)
      .map(tex)
      .join('\\\\\n')}\\\\\n${(person.links ?? []).map(href).join('\\\\\n')}}\n`;
  }
  narrow += section('Education');
  for (const school of person.schools)
    narrow += `{\\small\\textbf{${tex(school.institution)}}\\\\ ${tex(school.degree)}\\\\ \\textit{${tex(school.dates)}}${school.grade === undefined ? '' : `\\\\ ${tex(school.grade)}`}}\\\\[4pt]\n`;
  narrow += section('Skills');
  for (const line of skillLines(person))
    narrow += `{\\small ${line.label === 'Skills' ? '' : `\\textbf{${tex(line.label)}}\\\\ `}${line.items}}\\\\[3pt]\n`;
  if (person.languages !== undefined)
    narrow += `${section('Languages')}{\\small ${person.languages.map(tex).join('\\\\ ')}}\n`;
  if (person.certifications !== undefined)
    narrow += `${section('Certifications')}{\\small ${person.certifications.map(tex).join('\\\\[2pt] ')}}\n`;
  let wide = '';
  if (person.summary !== undefined) wide += `${section('About')}{\\small ${tex(person.summary)}}\n`;
  wide += section('Experience');
  for (const job of person.jobs) {
    wide += `{\\large ${tex(job.title)}}\\\\ \\textbf{\\color{accent}${tex(job.employer)}}\\\\ {\\small\\Clocklogo\\ ${tex(job.dates)}${job.place === undefined ? '' : ` \\quad ${tex(job.place)}`}}\\\\[-2pt]\n${bullets(job.bullets)}\\vspace{4pt}\n`;
  }
  for (const block of person.extra ?? []) {
    wide += section(block.heading);
    wide += bullets(
      block.items.map(
        (item) => `${item.title}${item.detail === undefined ? '' : `: ${item.detail}`}`,
      ),
    );
  }
  const contactLine = [person.email, person.phone, person.location, ...(person.links ?? [])]
    .filter((item): item is string => item !== undefined)
    .map(tex)
    .join(' \\quad ');
  const header = `{\\fontsize{26}{30}\\selectfont\\bfseries ${tex(person.name)}}\\\\[2pt]${person.headline === undefined ? '' : `{\\large\\color{accent}${tex(person.headline)}}\\\\[2pt]`}${isNarrowLeft ? '' : `{\\small ${contactLine}}\\\\`}\n\\vspace{4pt}\n`;
  const columns = isNarrowLeft
    ? `\\columnratio{0.32}\n\\begin{paracol}{2}\n${narrow}\n\\switchcolumn\n${wide}\n\\end{paracol}`
    : `\\columnratio{0.64}\n\\begin{paracol}{2}\n${wide}\n\\switchcolumn\n${narrow}\n\\end{paracol}`;
  return `${PREAMBLE}\\usepackage[margin=1.4cm]{geometry}
\\usepackage{paracol}
\\setlength{\\columnsep}{1.2em}
\\renewcommand{\\familydefault}{\\sfdefault}
\\definecolor{accent}{HTML}{1F6F8B}
\\begin{document}
${header}
${columns}
\\end{document}
`;
}

/** An Indian campus resume: a header box, education as a ruled table, then short sections. */
function indianCampus(person: OutsidePerson): string {
  const section = (title: string): string =>
    `\n\\vspace{6pt}\\colorbox{black!12}{\\parbox{\\dimexpr\\linewidth-2\\fboxsep}{\\textbf{${tex(title)}}}}\\\\[2pt]\n`;
  const rows = person.schools
    .map(
      (school) =>
        `${tex(school.degree)} & ${tex(school.board ?? '')} & ${tex(school.institution)}${school.place === undefined ? '' : `, ${tex(school.place)}`} & ${tex(school.dates)} & ${tex(school.grade ?? '')} \\\\ \\hline`,
    )
    .join('\n');
  let body = `\\begin{tabularx}{\\linewidth}{@{}X r@{}}
{\\LARGE\\bfseries ${tex(person.name)}} & ${tex(person.email ?? '')}\\\\
${tex(person.headline ?? '')} & ${tex(person.phone ?? '')}\\\\
${tex(person.location ?? '')} & ${(person.links ?? []).map(href).join(' \\textbar\\ ')}\\\\
\\end{tabularx}\n`;
  if (person.summary !== undefined)
    body += `${section('Career Objective')}{\\small ${tex(person.summary)}}\n`;
  body += `${section('Academic Qualifications')}{\\small\\begin{tabularx}{\\linewidth}{|l|l|X|l|l|}\\hline
\\textbf{Qualification} & \\textbf{Board/University} & \\textbf{Institute} & \\textbf{Year} & \\textbf{CGPA/\\%} \\\\ \\hline
${rows}
\\end{tabularx}}\n`;
  if (person.jobs.length > 0) {
    body += section('Internships');
    for (const job of person.jobs)
      body += `{\\small\\textbf{${tex(job.employer)}}${job.place === undefined ? '' : `, ${tex(job.place)}`} \\hfill \\textit{${tex(job.dates)}}\\\\ \\textit{${tex(job.title)}}}\\\\[-2pt]\n${bullets(job.bullets)}\n`;
  }
  for (const block of person.extra ?? []) {
    body += section(block.heading);
    body += `{\\small\\begin{itemize}\n${block.items
      .map(
        (item) =>
          `\\item \\textbf{${tex(item.title)}}${item.detail === undefined ? '' : `: ${tex(item.detail)}`}${item.dates === undefined ? '' : ` \\hfill (${tex(item.dates)})`}`,
      )
      .join('\n')}\n\\end{itemize}}\n`;
  }
  body += section('Technical Skills');
  body += `{\\small ${skillLines(person)
    .map((line) => `\\textbf{${tex(line.label)}:} ${line.items}`)
    .join('\\\\\n')}}\n`;
  if (person.certifications !== undefined)
    body += `${section('Certifications')}${bullets(person.certifications)}\n`;
  if (person.languages !== undefined)
    body += `${section('Languages Known')}{\\small ${person.languages.map(tex).join(', ')}}\n`;
  return `${PREAMBLE}\\usepackage[margin=1.5cm]{geometry}
\\begin{document}
${body}
\\end{document}
`;
}

/** The LaTeX source of a person in one style. */
export function renderLatex(person: OutsidePerson, style: LatexStyle): string {
  switch (style) {
    case 'moderncv':
      return moderncv(person, false);
    case 'moderncv-banking':
      return moderncv(person, true);
    case 'awesome':
      return awesome(person);
    case 'jake':
      return jake(person, false);
    case 'jake-company-first':
      return jake(person, true);
    case 'deedy':
      return twoColumn(person, true);
    case 'alta':
      return twoColumn(person, false);
    case 'indian-campus':
      return indianCampus(person);
  }
}
