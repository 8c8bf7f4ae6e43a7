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
import {
  gradeTurnReaders,
  loadTurnReaderCorpus,
  TURN_READERS,
  type TurnReaderName,
} from './turn-readers.js';

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

/** The slices measured on their own, in the order they were written, each with what it is. */
const MEASURED_SLICES: { slice: CorpusSlice; title: string }[] = [
  { slice: 'held-out', title: 'held-out slice only' },
  { slice: 'fresh', title: 'fresh slice only (written after the held-out slice was looked at)' },
  {
    slice: 'fresh-2',
    title: 'second fresh slice only (written after the fresh slice was looked at)',
  },
  { slice: 'fresh-3', title: 'third fresh slice only (written at stop 21, after the others)' },
  { slice: 'fresh-4', title: 'fourth fresh slice only (stop 27: pay as people say it)' },
];

const falseMetIn = (slice: CorpusSlice | 'all'): Record<string, number> =>
  Object.fromEntries(
    names.map((name) => [
      name,
      (results.get(name) ?? []).filter(
        (item) => item.isFalseMet && (slice === 'all' || item.item.slice === slice),
      ).length,
    ]),
  );

const figures = {
  items: items.length,
  perSlice: Object.fromEntries(
    (['tuning', ...MEASURED_SLICES.map(({ slice }) => slice)] as CorpusSlice[]).map((slice) => [
      slice,
      items.filter((item) => item.slice === slice).length,
    ]),
  ),
  falseMet: falseMetIn('all'),
  falseMetPerSlice: Object.fromEntries(
    MEASURED_SLICES.map(({ slice }) => [slice, falseMetIn(slice)]),
  ),
  all: rows('all'),
  byTypePerSlice: Object.fromEntries(MEASURED_SLICES.map(({ slice }) => [slice, rows(slice)])),
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
  const sliceCounts = Object.entries(figures.perSlice)
    .map(([slice, count]) => `${String(count)} ${slice}`)
    .join(', ');
  process.stdout.write(
    `Understanding benchmark: ${figures.items} labelled utterances (${sliceCounts}), node ${process.version}\n`,
  );
  print('Accuracy per type, whole corpus', figures.all);
  for (const { slice, title } of MEASURED_SLICES)
    print(`Accuracy per type, ${title}`, figures.byTypePerSlice[slice] ?? {});
  process.stdout.write(
    '\nFalse met (knock-out counted as met by an answer that does not meet or address it)\n',
  );
  for (const name of names) {
    const perSlice = MEASURED_SLICES.map(
      ({ slice }) => `${slice}: ${String(figures.falseMetPerSlice[slice]?.[name] ?? 0)}`,
    ).join(', ');
    process.stdout.write(
      `  ${name.padEnd(10)} ${String(figures.falseMet[name]).padStart(4)}   (${perSlice})\n`,
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

// The yes-or-no readers of holds, withdrawals, someone else answering and turns about the
// question, on their own labelled turns, beside always answering the commoner label.
if (!args.has('--json')) {
  const graded = gradeTurnReaders(loadTurnReaderCorpus());
  process.stdout.write(
    `\nTurn readers (corpus/turn-readers.txt: written blind, first read 74.6%, then tuned on)\nreader                  n   always-no  reader  false yes\n`,
  );
  for (const reader of Object.keys(TURN_READERS) as TurnReaderName[]) {
    const rows = graded.filter((row) => row.item.reader === reader);
    const noShare = rows.filter((row) => !row.item.expected).length / rows.length;
    const right = rows.filter((row) => row.isRight).length / rows.length;
    const falseYes = rows.filter((row) => row.said && !row.item.expected).length;
    process.stdout.write(
      `${reader.padEnd(20)} ${String(rows.length).padStart(4)}   ${(100 * noShare).toFixed(1).padStart(7)}% ${(100 * right).toFixed(1).padStart(6)}%  ${String(falseYes).padStart(5)}\n`,
    );
  }
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
