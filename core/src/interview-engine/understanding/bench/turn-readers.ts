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
import { readLabelledLines } from '../corpus/load-corpus.js';

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
  return readLabelledLines(source, name).map(({ where, header, label, text }) => {
    const [reader = ''] = header;
    if (!(reader in TURN_READERS)) throw new Error(`${where}: unknown reader ${reader}`);
    if (label !== 'yes' && label !== 'no') throw new Error(`${where}: expected yes or no`);
    return { id: where, reader: reader as TurnReaderName, expected: label === 'yes', text };
  });
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
