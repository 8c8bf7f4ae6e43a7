import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createPdfWorkerPool } from '../default-pdf-pool.js';
import { parseResumeFile } from '../parse-resume-file.js';
import { hostileCorpus } from '../test-support/hostile-corpus.js';
import { LABELLED_SETS, loadLabelledResumes, type LabelledSetName } from './fixture-files.js';
import { parseNaively } from './naive-text-baseline.js';
import { familyMeans, scoreLabelledSet, type LabelledResult } from './score-labelled-set.js';
import { SCORED_FIELDS } from './score-resumes.js';

/**
 * `npm run bench:resume`: field scores of the layout parser and of the text-only baseline on both
 * labelled sets (the outside set made with LaTeX, LibreOffice and Chromium, and the template set
 * written with the parser), each field and each layout family, then the median parse time per PDF, warm (a started pool) and cold (a new worker
 * process per file, its start included), each beside the baseline's from the same run; then the
 * hostile corpus's answer times, and honest uploads' p95 while hostile files keep arriving.
 * `-- --details` lists each resume's misses; `-- --scores-only` skips the timings.
 */
const WARM_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[middle] ?? 0);
}

const format = (value: number): string => value.toFixed(1).padStart(8);

const SET_TITLES: Record<LabelledSetName, string> = {
  outside: 'Outside set (LaTeX, LibreOffice, HTML; labelled by hand)',
  heldOut: 'Held-out set (same tools, written after the tuning, never tuned on)',
  templates: 'Template set (written with the parser)',
};

/** `--details`: each resume's misses, field by field, to see what a family loses. */
function details(results: LabelledResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const misses = SCORED_FIELDS.filter((field) => result.scores[field] < 1).map(
      (field) => `${field} ${(100 * result.scores[field]).toFixed(0)}`,
    );
    if (misses.length > 0) lines.push(`  ${result.file}: ${misses.join(', ')}`);
  }
  return [...lines, ''];
}

async function main(): Promise<void> {
  const pool = createPdfWorkerPool();
  const out: string[] = [];
  const pdfs: { set: LabelledSetName; data: Uint8Array }[] = [];
  for (const [set, directory] of Object.entries(LABELLED_SETS) as [LabelledSetName, string][]) {
    const labelled = loadLabelledResumes(directory);
    const layout = await scoreLabelledSet(pool, undefined, directory);
    const baseline = await scoreLabelledSet(pool, (data) => parseNaively(data), directory);
    const kinds = labelled.map((resume) => path.extname(resume.file).slice(1));
    const count = (extension: string): number => kinds.filter((kind) => kind === extension).length;
    out.push(
      `${SET_TITLES[set]}: ${labelled.length} resumes (${count('pdf')} PDF, ${count('docx')} DOCX, ${count('txt')} text, ${count('md')} Markdown)`,
      '',
      `${'field (accuracy or F1, %)'.padEnd(28)}${'layout'.padStart(8)}${'baseline'.padStart(10)}`,
    );
    for (const field of SCORED_FIELDS)
      out.push(
        `${field.padEnd(28)}${format(layout.summary.fields[field])}${format(baseline.summary.fields[field]).padStart(10)}`,
      );
    out.push(
      `${'MEAN'.padEnd(28)}${format(layout.summary.mean)}${format(baseline.summary.mean).padStart(10)}`,
      '',
      `${'layout family (mean, %)'.padEnd(28)}${'layout'.padStart(8)}${'baseline'.padStart(10)}`,
    );
    const baselineFamilies = familyMeans(baseline.results);
    for (const family of familyMeans(layout.results)) {
      const other = baselineFamilies.find((entry) => entry.family === family.family);
      out.push(
        `${`${family.family} (${family.count})`.padEnd(28)}${format(family.mean)}${format(other?.mean ?? 0).padStart(10)}`,
      );
    }
    out.push('');
    if (process.argv.includes('--details')) out.push(...details(layout.results));
    for (const resume of labelled.filter((entry) => entry.file.endsWith('.pdf')))
      pdfs.push({ set, data: new Uint8Array(await readFile(resume.filePath)) });
  }

  if (process.argv.includes('--scores-only')) {
    await pool.close();
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  pool.warmUp();
  const warm = new Map<LabelledSetName, number[]>();
  const warmBaseline = new Map<LabelledSetName, number[]>();
  for (let round = 0; round < WARM_ROUNDS; round += 1) {
    for (const { set, data } of pdfs) {
      let started = performance.now();
      await parseResumeFile(data, pool);
      warm.set(set, [...(warm.get(set) ?? []), performance.now() - started]);
      started = performance.now();
      await parseNaively(data);
      warmBaseline.set(set, [...(warmBaseline.get(set) ?? []), performance.now() - started]);
    }
  }
  await pool.close();

  const templatePdfs = pdfs.filter((pdf) => pdf.set === 'templates').map((pdf) => pdf.data);
  const cold: number[] = [];
  const coldBaseline: number[] = [];
  for (const data of templatePdfs) {
    const fresh = createPdfWorkerPool({ size: 1 });
    const started = performance.now();
    await parseResumeFile(data, fresh);
    cold.push(performance.now() - started);
    await fresh.close();
    coldBaseline.push(coldNaiveRun(data));
  }
  out.push(
    `Median parse time per PDF (1-2 pages)`,
    `${''.padEnd(28)}${'layout'.padStart(8)}${'baseline'.padStart(10)}`,
  );
  for (const set of Object.keys(LABELLED_SETS) as LabelledSetName[]) {
    const count = pdfs.filter((pdf) => pdf.set === set).length;
    out.push(
      `${`warm, ${set} (${count} PDFs, ${WARM_ROUNDS} rounds)`.padEnd(28)}${format(median(warm.get(set) ?? []))}${format(median(warmBaseline.get(set) ?? [])).padStart(10)}`,
    );
  }
  out.push(
    `${`cold, templates (ms, start)`.padEnd(28)}${format(median(cold))}${format(median(coldBaseline)).padStart(10)}`,
  );
  out.push(...(await hostileLoad(templatePdfs)));
  out.push(
    '',
    'layout: pdfjs in a worker process, reading order, link annotations, then the parser.',
  );
  out.push('baseline: pdfjs text in stream order in this process, the same parser on plain text.');
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The 95th percentile (nearest rank). */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/**
 * UP-4 under attack: the time to answer each hostile file (the limit is 10 s), and what honest
 * uploads see while hostile ones keep arriving, beside the same uploads on a quiet pool.
 */
async function hostileLoad(pdfs: Uint8Array[]): Promise<string[]> {
  const corpus = hostileCorpus(5 * 1024 * 1024);
  const pool = createPdfWorkerPool();
  pool.warmUp();
  const answerTimes: number[] = [];
  for (const file of corpus) {
    const started = performance.now();
    await parseResumeFile(file.data, pool).catch(() => undefined);
    answerTimes.push(performance.now() - started);
  }

  const honest = async (): Promise<number[]> => {
    const times: number[] = [];
    for (const data of [...pdfs, ...pdfs]) {
      const started = performance.now();
      await parseResumeFile(data, pool);
      times.push(performance.now() - started);
    }
    return times;
  };
  const quiet = await honest();
  // An attacker sends the corpus in a loop from another connection while the honest uploads run.
  const attacker = { isRunning: true };
  const attack = (async () => {
    while (attacker.isRunning) {
      for (const file of corpus) await parseResumeFile(file.data, pool).catch(() => undefined);
    }
  })();
  const underAttack = await honest();
  attacker.isRunning = false;
  await attack;
  await pool.close();

  const slowest = corpus[answerTimes.indexOf(Math.max(...answerTimes))]?.name ?? '';
  return [
    '',
    `Hostile files (${corpus.length}, UP-4), time to the 4xx answer: p95 ${p95(answerTimes).toFixed(0)} ms, ` +
      `max ${Math.max(...answerTimes).toFixed(0)} ms (${slowest}); the limit is 10,000 ms`,
    `Honest PDF uploads, p95 (${quiet.length} parses, pool of 2)`,
    `${'while hostile files arrive'.padEnd(28)}${format(p95(underAttack))}`,
    `${'quiet pool (baseline)'.padEnd(28)}${format(p95(quiet))}`,
  ];
}

/** The baseline cold: a fresh Node process that loads pdfjs and extracts one file's text, start to exit. */
function coldNaiveRun(data: Uint8Array): number {
  const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const script = `
    const pdfjs = await import(${JSON.stringify(pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href)});
    const chunks = []; for await (const chunk of process.stdin) chunks.push(chunk);
    const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false,
      standardFontDataUrl: ${JSON.stringify(path.join(pdfjsRoot, 'standard_fonts') + path.sep)}, verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n += 1) {
      for (const item of (await (await doc.getPage(n)).getTextContent()).items) text += item.str + (item.hasEOL ? '\\n' : '');
    }
    await doc.destroy();`;
  const started = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: data,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  return performance.now() - started;
}

void main();
