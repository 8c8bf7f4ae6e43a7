import winkNLP, { type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One word of an utterance as wink-nlp reads it. */
export interface Token {
  /** The word as written, lower-cased. */
  text: string;
  lemma: string;
  pos: string;
  /** Inside the scope of a negation ("can't do *evenings*"). */
  isNegated: boolean;
  /** Sentence number, from 0. */
  sentence: number;
}

/** An utterance read once: its tokens. */
export interface ReadText {
  tokens: Token[];
}

let instance: WinkMethods | null = null;

/** wink-nlp with its light English model, built on first use. */
function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

const cache = new Map<string, ReadText>();

/** Tokens (lemma, part of speech, negation scope) of a text, cached. */
export function readText(text: string): ReadText {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const engine = nlp();
  const { its } = engine;
  const doc = engine.readDoc(text);
  const tokens: Token[] = [];
  /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp takes its `its` helpers as values; they do not use `this`. */
  const lemma = its.lemma as unknown as typeof its.value;
  doc.sentences().each((sentence, index) => {
    sentence.tokens().each((token: ItemToken) => {
      if (token.out(its.type) === 'punctuation') return;
      tokens.push({
        text: token.out(its.normal),
        // The lemma helper is typed for model add-ons; on a token it returns the lemma string.
        lemma: token.out(lemma),
        pos: token.out(its.pos),
        isNegated: Boolean(token.out(its.negationFlag)),
        sentence: index,
      });
    });
  });
  /* eslint-enable @typescript-eslint/unbound-method */
  const result: ReadText = { tokens };
  if (cache.size > 2_000) cache.clear();
  cache.set(text, result);
  return result;
}
