import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HELD_OUT_DIR, OUTSIDE_DIR } from '../fixture-files.js';
import { renderLatex } from './latex-templates.js';
import { renderHtmlResume } from './html-templates.js';
import { renderFlatOdt } from './office-templates.js';
import { HTML_PEOPLE } from './people-html.js';
import { LATEX_PEOPLE } from './people-latex.js';
import { HELD_OUT_PEOPLE } from './people-held-out.js';
import { OFFICE_PEOPLE } from './people-office.js';
import type { OutsidePerson } from './outside-person.js';

/**
 * Regenerates the outside and held-out sets' documents (backend/test-fixtures/resumes-outside and
 * resumes-held-out) with the tools
 * people use: pdflatex (Debian texlive), LibreOffice headless (Flat ODT → DOCX and PDF) and Chromium
 * (HTML → PDF). The labels beside them are written by hand and are not touched here.
 * Needs: apt-get install texlive-latex-extra texlive-fonts-recommended libreoffice-writer-nogui chromium
 * Run: npx tsx --conditions=source backend/src/resume-intake/benchmark/outside-set/generate-outside-set.ts [id-prefix]
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2] ?? '';

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'ignore', timeout: 120_000 });
}

/** One person's document(s), made with the tool of its style, into the given folder. */
function make(
  work: string,
  directory: string,
  entry:
    | { tool: 'latex'; style: Parameters<typeof renderLatex>[1]; person: OutsidePerson }
    | {
        tool: 'office';
        style: Parameters<typeof renderFlatOdt>[1];
        formats: ('docx' | 'pdf')[];
        person: OutsidePerson;
      }
    | { tool: 'html'; style: Parameters<typeof renderHtmlResume>[1]; person: OutsidePerson },
): void {
  const { person } = entry;
  if (entry.tool === 'latex') {
    writeFileSync(path.join(work, `${person.id}.tex`), renderLatex(person, entry.style));
    // Twice, as LaTeX users do, so paracol and references settle.
    for (let pass = 0; pass < 2; pass += 1)
      run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${person.id}.tex`], work);
    copyFileSync(path.join(work, `${person.id}.pdf`), path.join(directory, `${person.id}.pdf`));
    process.stdout.write(`${person.id}.pdf\n`);
  } else if (entry.tool === 'office') {
    writeFileSync(path.join(work, `${person.id}.fodt`), renderFlatOdt(person, entry.style));
    for (const format of entry.formats) {
      const target = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
      run(
        'soffice',
        [
          `-env:UserInstallation=file://${work}/lo-profile`,
          '--headless',
          '--convert-to',
          target,
          '--outdir',
          work,
          `${person.id}.fodt`,
        ],
        work,
      );
      const name = `${person.id}.${format}`;
      copyFileSync(path.join(work, name), path.join(directory, name));
      process.stdout.write(`${name}\n`);
    }
  } else {
    const htmlPath = path.join(work, `${person.id}.html`);
    writeFileSync(htmlPath, renderHtmlResume(person, entry.style));
    run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(directory, `${person.id}.pdf`)}`,
        htmlPath,
      ],
      work,
    );
    process.stdout.write(`${person.id}.pdf\n`);
  }
}

function main(): void {
  mkdirSync(OUTSIDE_DIR, { recursive: true });
  mkdirSync(HELD_OUT_DIR, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'screenline-outside-'));
  try {
    const outside = [
      ...LATEX_PEOPLE.map((entry) => ({ ...entry, tool: 'latex' as const })),
      ...OFFICE_PEOPLE.map((entry) => ({ ...entry, tool: 'office' as const })),
      ...HTML_PEOPLE.map((entry) => ({ ...entry, tool: 'html' as const })),
    ];
    for (const entry of outside)
      if (entry.person.id.startsWith(only)) make(work, OUTSIDE_DIR, entry);
    for (const entry of HELD_OUT_PEOPLE)
      if (entry.person.id.startsWith(only)) make(work, HELD_OUT_DIR, entry);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
