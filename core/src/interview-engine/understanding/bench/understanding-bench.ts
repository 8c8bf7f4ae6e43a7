/**
 * `npm run bench:understanding`: every labelled utterance of the corpus read by today's reader
 * (main before issue 15, kept frozen in ../baseline) and by the new one, in the same run: accuracy
 * per type, false-met count (a knock-out counted as met by an answer that does not meet it or does
 * not address it), and the held-out slice on its own. `--misses` lists what the new reader got
 * wrong; `--json` prints the figures as JSON. With LLM_MODE=llm the LLM reader runs too, against
 * an in-process fake chat endpoint, behind the same guard the engine uses.
 */
import { loadCorpus, type CorpusSlice } from '../corpus/load-corpus.js';
import { baselineReader, understandingReader, type CorpusReader } from './corpus-readers.js';
import { accuracy, gradeCorpus, type GradedItem } from './grade-corpus.js';
import { withGuardedLlmReader } from './llm-corpus-reader.js';

const args = new Set(process.argv.slice(2));
const items = loadCorpus();
const readers: { name: string; reader: CorpusReader }[] = [
  { name: 'baseline', reader: baselineReader },
  { name: 'new', reader: understandingReader },
];

const started = performance.now();
const results = new Map<string, GradedItem[]>();
for (const { name, reader } of readers) results.set(name, await gradeCorpus(items, reader));
const newMs = performance.now() - started;
const endpoint = { requests: 0, rejected: 0 };
if (process.env.LLM_MODE === 'llm') {
  // Only the knock-out lines: the fake model claims each one met, and the guard must hold.
  const knockoutLines = items.filter((item) => item.step.startsWith('knockout:'));
  results.set(
    'llm',
    await withGuardedLlmReader((reader) => gradeCorpus(knockoutLines, reader), endpoint),
  );
}
const names = [...results.keys()];
const accuracyNames = names.filter((name) => name !== 'llm');

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);
const types = [
  ...new Set(
    items.map((item) => results.get('new')?.find((graded) => graded.item === item)?.type ?? ''),
  ),
];

function rows(
  slice: CorpusSlice | 'all',
): Record<string, { n: number; accuracy: Record<string, number> }> {
  const table: Record<string, { n: number; accuracy: Record<string, number> }> = {};
  for (const type of [...types, 'ALL']) {
    const pick = (graded: GradedItem[]): GradedItem[] =>
      graded.filter(
        (item) =>
          (type === 'ALL' || item.type === type) && (slice === 'all' || item.item.slice === slice),
      );
    const sample = pick(results.get('new') ?? []);
    if (sample.length === 0) continue;
    table[type] = {
      n: sample.length,
      accuracy: Object.fromEntries(
        accuracyNames.map((name) => [name, accuracy(pick(results.get(name) ?? []))]),
      ),
    };
  }
  return table;
}

const figures = {
  items: items.length,
  tuning: items.filter((item) => item.slice === 'tuning').length,
  heldOut: items.filter((item) => item.slice === 'held-out').length,
  fresh: items.filter((item) => item.slice === 'fresh').length,
  fresh2: items.filter((item) => item.slice === 'fresh-2').length,
  falseMet: Object.fromEntries(
    names.map((name) => [name, (results.get(name) ?? []).filter((item) => item.isFalseMet).length]),
  ),
  falseMetHeldOut: Object.fromEntries(
    names.map((name) => [
      name,
      (results.get(name) ?? []).filter((item) => item.isFalseMet && item.item.slice === 'held-out')
        .length,
    ]),
  ),
  falseMetFresh: Object.fromEntries(
    names.map((name) => [
      name,
      (results.get(name) ?? []).filter((item) => item.isFalseMet && item.item.slice === 'fresh')
        .length,
    ]),
  ),
  all: rows('all'),
  heldOutByType: rows('held-out'),
  freshByType: rows('fresh'),
  fresh2ByType: rows('fresh-2'),
  falseMetFresh2: Object.fromEntries(
    names.map((name) => [
      name,
      (results.get(name) ?? []).filter((item) => item.isFalseMet && item.item.slice === 'fresh-2')
        .length,
    ]),
  ),
  msPerUtterance: newMs / items.length / 2,
  ...(results.has('llm') ? { fakeEndpoint: endpoint } : {}),
};

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const print = (title: string, table: typeof figures.all): void => {
    process.stdout.write(
      `\n${title}\n${'type'.padEnd(22)}${'n'.padStart(5)}${accuracyNames.map((name) => name.padStart(10)).join('')}\n`,
    );
    for (const [type, row] of Object.entries(table)) {
      process.stdout.write(
        `${type.padEnd(22)}${String(row.n).padStart(5)}${accuracyNames.map((name) => `   ${percent(row.accuracy[name] ?? 0)}`).join('')}\n`,
      );
    }
  };
  process.stdout.write(
    `Understanding benchmark: ${figures.items} labelled utterances (${figures.tuning} tuning, ${figures.heldOut} held out, ${figures.fresh} fresh, ${figures.fresh2} second fresh), node ${process.version}\n`,
  );
  print('Accuracy per type, whole corpus', figures.all);
  print('Accuracy per type, held-out slice only', figures.heldOutByType);
  print(
    'Accuracy per type, fresh slice only (written after the held-out slice was looked at)',
    figures.freshByType,
  );
  print(
    'Accuracy per type, second fresh slice only (written after the fresh slice was looked at)',
    figures.fresh2ByType,
  );
  process.stdout.write(
    '\nFalse met (knock-out counted as met by an answer that does not meet or address it)\n',
  );
  for (const name of names) {
    process.stdout.write(
      `  ${name.padEnd(10)} ${String(figures.falseMet[name]).padStart(4)}   (held out: ${String(figures.falseMetHeldOut[name])}, fresh: ${String(figures.falseMetFresh[name])}, second fresh: ${String(figures.falseMetFresh2[name])})\n`,
    );
  }
  if (results.has('llm')) {
    const knockoutLines = (results.get('llm') ?? []).length;
    process.stdout.write(
      `  llm: ${String(knockoutLines)} knock-out lines through the engine's guard; the fake endpoint claimed every one met (${String(endpoint.requests)} requests checked, ${String(endpoint.rejected)} rejected)\n`,
    );
  }
  process.stdout.write(
    `\nCPU per utterance, baseline and new together: ${figures.msPerUtterance.toFixed(2)} ms\n`,
  );
}

if (args.has('--misses')) {
  for (const name of names.filter((item) => item !== 'baseline')) {
    for (const graded of results.get(name) ?? []) {
      if (graded.isCorrect && !graded.isFalseMet) continue;
      if (graded.item.slice !== 'tuning' && !args.has('--held-out-misses')) continue;
      process.stdout.write(
        `${name} ${graded.item.id} [${graded.item.job} ${graded.item.step}] expected ${graded.item.expect}, got ${graded.reading.label}${graded.reading.callbackAt ? `@${graded.reading.callbackAt}` : ''}${graded.isFalseMet ? ' FALSE-MET' : ''}: ${graded.item.text}\n`,
      );
    }
  }
}
