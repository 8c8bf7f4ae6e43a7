import type { Knockout } from '../../../jobs/job.js';
import type { CorpusItem } from '../corpus/load-corpus.js';
import { planFor, stepFor, type CorpusReader, type CorpusReading } from './corpus-readers.js';

/** One utterance as graded: right or wrong, and whether it counted a knock-out as met wrongly. */
export interface GradedItem {
  item: CorpusItem;
  type: string;
  reading: CorpusReading;
  isCorrect: boolean;
  isFalseMet: boolean;
}

const KNOCKOUT_LABEL = /^(yes|no|unclear|text|n=.*|d=.*)$/;

function knockoutOf(item: CorpusItem): Knockout | undefined {
  const plan = planFor(item.job);
  const step = stepFor(plan, item.step);
  return plan.knockouts.find((knockout) => knockout.id === step.knockoutId);
}

/** The category a line is reported under: the knock-out's answer type, or the intent. */
export function typeOf(item: CorpusItem): string {
  const knockout = knockoutOf(item);
  if (knockout !== undefined && KNOCKOUT_LABEL.test(item.expect)) return knockout.answerType;
  if (item.expect.startsWith('callback') || item.expect === 'not_now') return 'callback / not now';
  if (item.expect === 'answer' || item.expect === 'unclear')
    return `${item.step.replace(/:.*/, '')} answer`;
  if (item.expect === 'done') return 'no more questions';
  if (item.expect === 'injection') return 'prompt injection';
  return item.expect.replace('_', ' ');
}

function within(knockout: Knockout, low: number, high: number): boolean {
  const { min, max } = knockout.accept;
  if (min !== undefined && high < min) return false;
  if (max !== undefined && low > max) return false;
  return true;
}

/** Whether the label itself means the knock-out is met. */
export function isExpectedMet(item: CorpusItem): boolean {
  const knockout = knockoutOf(item);
  if (knockout === undefined) return false;
  const label = item.expect;
  if (label === 'yes' || label === 'no') {
    return knockout.accept.equals === undefined || (label === 'yes') === knockout.accept.equals;
  }
  if (label === 'text') return true;
  const numbers = /^[nd]=([\d.]+)(?:-([\d.]+))?$/.exec(label);
  if (numbers === null) return false;
  const low = Number(numbers[1]);
  return within(knockout, low, numbers[2] === undefined ? low : Number(numbers[2]));
}

function close(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance;
}

function isCorrect(item: CorpusItem, reading: CorpusReading): boolean {
  const expected = item.expect;
  const actual = reading.label;
  if (expected === 'injection') return ['injection', 'off_topic', 'unclear'].includes(actual);
  const numbers = /^n=([\d.]+)(?:-([\d.]+))?$/.exec(expected);
  if (numbers !== null) {
    const low = Number(numbers[1]);
    const high = numbers[2] === undefined ? low : Number(numbers[2]);
    const got = /^n=([\d.]+)(?:-([\d.]+))?$/.exec(actual);
    if (got === null) return false;
    const gotLow = Number(got[1]);
    const gotHigh = got[2] === undefined ? gotLow : Number(got[2]);
    return close(gotLow, low, low * 0.01 + 0.001) && close(gotHigh, high, high * 0.01 + 0.001);
  }
  const days = /^d=([\d.]+)$/.exec(expected);
  if (days !== null) {
    const got = /^d=([\d.]+)$/.exec(actual);
    const target = Number(days[1]);
    return got !== null && close(Number(got[1]), target, Math.max(2, target * 0.15));
  }
  if (expected.startsWith('callback=')) {
    return actual === 'callback' && reading.callbackAt === expected.slice('callback='.length);
  }
  return expected === actual;
}

/** Reads every line with a reader and grades it. */
export async function gradeCorpus(
  items: CorpusItem[],
  reader: CorpusReader,
): Promise<GradedItem[]> {
  const graded: GradedItem[] = [];
  for (const item of items) {
    const plan = planFor(item.job);
    const step = stepFor(plan, item.step);
    const reading = await reader(item, plan, step);
    graded.push({
      item,
      type: typeOf(item),
      reading,
      isCorrect: isCorrect(item, reading),
      isFalseMet: reading.isMet && !isExpectedMet(item),
    });
  }
  return graded;
}

/** Accuracy of graded lines (0..1); 1 when there are none. */
export function accuracy(graded: GradedItem[]): number {
  return graded.length === 0 ? 1 : graded.filter((item) => item.isCorrect).length / graded.length;
}
