import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load-corpus.js';
import { understandingReader } from './corpus-readers.js';
import { accuracy, gradeCorpus } from './grade-corpus.js';
import { withGuardedLlmReader } from './llm-corpus-reader.js';
import { gradeTurnReaders, loadTurnReaderCorpus, TURN_READERS } from './turn-readers.js';

const items = loadCorpus();

describe('the understanding corpus', () => {
  it('holds at least 600 labelled utterances of every kind', () => {
    expect(items.length).toBeGreaterThanOrEqual(600);
    const labels = new Set(items.map((item) => item.expect.replace(/[=].*$/, '')));
    for (const label of ['yes', 'no', 'unclear', 'n', 'd', 'text', 'question', 'repeat']) {
      expect(labels).toContain(label);
    }
    for (const label of ['callback', 'not_now', 'wrong_person', 'opt_out', 'off_topic']) {
      expect(labels).toContain(label);
    }
    expect(labels).toContain('injection');
  });

  it('the reader counts no knock-out as met that was not, and is right 95% of the time per type', async () => {
    const graded = await gradeCorpus(items, understandingReader);
    expect(graded.filter((item) => item.isFalseMet).map((item) => item.item.text)).toEqual([]);
    for (const type of new Set(graded.map((item) => item.type))) {
      const ofType = graded.filter((item) => item.type === type);
      expect({ type, accuracy: accuracy(ofType) >= 0.95 }).toEqual({ type, accuracy: true });
    }
  });

  it('LLM mode: a model that calls every knock-out met is held by the guard', async () => {
    const endpoint = { requests: 0, rejected: 0 };
    const knockoutLines = items.filter((item) => item.step.startsWith('knockout:'));
    const graded = await withGuardedLlmReader(
      (reader) => gradeCorpus(knockoutLines, reader),
      endpoint,
    );
    expect(endpoint.rejected).toBe(0);
    expect(endpoint.requests).toBeGreaterThanOrEqual(knockoutLines.length);
    expect(graded.filter((item) => item.isFalseMet).map((item) => item.item.text)).toEqual([]);
  }, 60_000);
});

describe('the turn readers (holds, withdrawals, someone else answering, turns about the question)', () => {
  const graded = gradeTurnReaders(loadTurnReaderCorpus());

  it('each is right on 90% of its labelled turns', () => {
    for (const reader of Object.keys(TURN_READERS)) {
      const rows = graded.filter((row) => row.item.reader === reader);
      expect(rows.length, reader).toBeGreaterThanOrEqual(12);
      const share = rows.filter((row) => row.isRight).length / rows.length;
      expect({ reader, share: share >= 0.9 }).toEqual({ reader, share: true });
    }
  });

  it('never takes a turn for a withdrawal, a hold or an absent candidate when it is not one', () => {
    const harmful = graded.filter(
      (row) =>
        ['withdraws', 'hold', 'someone_else_away'].includes(row.item.reader) &&
        row.said &&
        !row.item.expected,
    );
    expect(harmful.map((row) => `${row.item.reader}: ${row.item.text}`)).toEqual([]);
  });
});
