import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTSIDE_DIR } from '../fixture-files.js';
import { renderLatex } from './latex-templates.js';
import { renderHtmlResume } from './html-templates.js';
import { renderFlatOdt } from './office-templates.js';
import { HTML_PEOPLE } from './people-html.js';
import { LATEX_PEOPLE } from './people-latex.js';
import { OFFICE_PEOPLE } from './people-office.js';

/**
 * Regenerates the outside set's documents in backend/test-fixtures/resumes-outside with the tools
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

function main(): void {
  mkdirSync(OUTSIDE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'screenline-outside-'));
  try {
    for (const { style, person } of LATEX_PEOPLE) {
      if (!person.id.startsWith(only)) continue;
      writeFileSync(path.join(work, `${person.id}.tex`), renderLatex(person, style));
      // Twice, as LaTeX users do, so paracol and references settle.
      for (let pass = 0; pass < 2; pass += 1)
        run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${person.id}.tex`], work);
      copyFileSync(path.join(work, `${person.id}.pdf`), path.join(OUTSIDE_DIR, `${person.id}.pdf`));
      process.stdout.write(`${person.id}.pdf\n`);
    }
    for (const { style, person, formats } of OFFICE_PEOPLE) {
      if (!person.id.startsWith(only)) continue;
      writeFileSync(path.join(work, `${person.id}.fodt`), renderFlatOdt(person, style));
      for (const format of formats) {
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
        copyFileSync(path.join(work, name), path.join(OUTSIDE_DIR, name));
        process.stdout.write(`${name}\n`);
      }
    }
    for (const { style, person } of HTML_PEOPLE) {
      if (!person.id.startsWith(only)) continue;
      const htmlPath = path.join(work, `${person.id}.html`);
      writeFileSync(htmlPath, renderHtmlResume(person, style));
      run(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-pdf-header-footer',
          `--print-to-pdf=${path.join(OUTSIDE_DIR, `${person.id}.pdf`)}`,
          htmlPath,
        ],
        work,
      );
      process.stdout.write(`${person.id}.pdf\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
