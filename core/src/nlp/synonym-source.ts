/** A part of speech as the scorer asks for it. */
export type WordClass = 'noun' | 'verb' | 'adj';

/** Words that mean the same thing as a word (WordNet in Node; none in the browser). */
export interface SynonymSource {
  /** Lower-case single words given as synonyms (or derivations) of `lemma` in its first senses. */
  synonymsOf(lemma: string, wordClass?: WordClass): string[];
  /** The direct hypernyms (as synset ids) of a noun's first senses: "crew" and "team" share "unit". */
  hypernymsOf(lemma: string): string[];
}
