import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  asksToHold,
  asksWhatIsMeant,
  declinesToSay,
  defersAnswer,
  mentionsConfidentiality,
  saysBackFromHold,
  saysCandidateIsAway,
  withdrawsApplication,
} from '../read-turn.js';

/**
 * The readers that let the interviewer hold, take a withdrawal, or answer a turn about the
 * question, each a yes or no about one turn, measured on utterances labelled yes or no.
 */
export const TURN_READERS = {
  hold: asksToHold,
  back_from_hold: saysBackFromHold,
  withdraws: withdrawsApplication,
  someone_else_away: saysCandidateIsAway,
  declines_to_say: declinesToSay,
  defers_answer: defersAnswer,
  asks_what_is_meant: asksWhatIsMeant,
  confidential: mentionsConfidentiality,
} as const satisfies Record<string, (text: string) => boolean>;
export type TurnReaderName = keyof typeof TURN_READERS;

export interface TurnReaderItem {
  id: string;
  reader: TurnReaderName;
  expected: boolean;
  text: string;
}

/** Reads "@ READER" blocks of "yes | utterance" and "no | utterance" lines. */
export function parseTurnReaderCorpus(source: string, name: string): TurnReaderItem[] {
  const items: TurnReaderItem[] = [];
  let reader: TurnReaderName | undefined;
  for (const [index, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    const where = `${name}:${String(index + 1)}`;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const named = line.slice(1).trim();
      if (!(named in TURN_READERS)) throw new Error(`${where}: unknown reader ${named}`);
      reader = named as TurnReaderName;
      continue;
    }
    const match = /^(yes|no) \| (.+)$/.exec(line);
    if (match === null || reader === undefined) {
      throw new Error(`${where}: expected "yes | text" or "no | text" after an "@ READER" line`);
    }
    items.push({ id: where, reader, expected: match[1] === 'yes', text: match[2] ?? '' });
  }
  return items;
}

/** The labelled turns (written blind by someone who had not read the readers, then tuned on). */
export function loadTurnReaderCorpus(): TurnReaderItem[] {
  const file = new URL('../corpus/turn-readers.txt', import.meta.url);
  return parseTurnReaderCorpus(readFileSync(fileURLToPath(file), 'utf8'), 'turn-readers');
}

export interface GradedTurn {
  item: TurnReaderItem;
  said: boolean;
  isRight: boolean;
}

export function gradeTurnReaders(items: TurnReaderItem[]): GradedTurn[] {
  return items.map((item) => {
    const said = TURN_READERS[item.reader](item.text);
    return { item, said, isRight: said === item.expected };
  });
}
