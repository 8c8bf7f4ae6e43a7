import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDocx } from './docx-writer.js';
import { expectedFields, makePeople } from './fixture-people.js';
import { FIXTURES_DIR } from './fixture-files.js';
import { renderHtml, type HtmlTemplate } from './render-html.js';
import { renderDocxBlocks, renderMarkdown, renderText } from './render-other.js';

/**
 * Regenerates the labelled resume set in backend/test-fixtures/resumes: each resume file beside
 * `<name>.expected.json`. PDFs are printed by Debian's Chromium (CHROMIUM_PATH overrides), some with
 * Chromium's own header and footer (date, title, file URL, page numbers) left on as noise.
 * Run: npx tsx --conditions=source backend/src/resume-intake/benchmark/generate-fixtures.ts
 */
const TEMPLATES: HtmlTemplate[] = [
  'classic',
  'modern-icons',
  'two-column',
  'sidebar-left',
  'sidebar-right',
  'compact',
];
const SITE_TEMPLATES = new Set<HtmlTemplate>(['classic', 'two-column']);
const PDF_COUNT = 16;
/** Two more PDFs at the end, written out of reading order. */
const SHUFFLED_FROM = 22;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The layout family of the index-th resume, for the benchmark's per-family scores. */
function familyOf(index: number, file: string): string {
  if (index >= SHUFFLED_FROM) return 'grid-shuffled';
  if (index < PDF_COUNT) return TEMPLATES[index % TEMPLATES.length] ?? 'classic';
  if (file.endsWith('.docx')) return 'docx';
  return file.endsWith('.md') ? 'markdown' : 'text';
}

function main(): void {
  mkdirSync(FIXTURES_DIR, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'screenline-fixtures-'));
  try {
    const people = makePeople(24);
    people.forEach((person, index) => {
      let file: string;
      let hasSite = false;
      if (index < PDF_COUNT || index >= SHUFFLED_FROM) {
        const template: HtmlTemplate =
          index >= SHUFFLED_FROM
            ? 'grid-shuffled'
            : (TEMPLATES[index % TEMPLATES.length] ?? 'classic');
        hasSite = SITE_TEMPLATES.has(template);
        let html = renderHtml(person, template);
        // Every fifth PDF runs onto a second page, so page breaks and running text are in the set.
        if (index % 5 === 0)
          html = html.replace(
            /(<h2>[^<]*<\/h2>)(?=(?:(?!<h2>).)*$)/s,
            '<div style="break-before: page"></div>$1',
          );
        const htmlPath = path.join(work, `${person.id}.html`);
        writeFileSync(htmlPath, html);
        file = `${person.id}.pdf`;
        const args = [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          `--print-to-pdf=${path.join(FIXTURES_DIR, file)}`,
        ];
        if (index % 4 !== 1) args.push('--no-pdf-header-footer');
        execFileSync(chromium, [...args, htmlPath], { stdio: 'ignore', timeout: 60_000 });
      } else if (index < PDF_COUNT + 3) {
        file = `${person.id}.docx`;
        writeFileSync(
          path.join(FIXTURES_DIR, file),
          writeDocx(renderDocxBlocks(person, index === PDF_COUNT + 2 ? 'table' : 'simple')),
        );
      } else if (index < PDF_COUNT + 5) {
        file = `${person.id}.txt`;
        writeFileSync(path.join(FIXTURES_DIR, file), renderText(person));
      } else {
        file = `${person.id}.md`;
        writeFileSync(path.join(FIXTURES_DIR, file), renderMarkdown(person));
      }
      const expected = {
        file,
        family: familyOf(index, file),
        ...expectedFields(person, { hasSite }),
      };
      writeFileSync(
        path.join(FIXTURES_DIR, `${person.id}.expected.json`),
        `${JSON.stringify(expected, null, 2)}\n`,
      );
      process.stdout.write(`${file}\n`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
