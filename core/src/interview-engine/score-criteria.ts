import type { Scorecard, TranscriptTurn } from '../interviews/interview.js';
import type { RubricCriterion } from '../jobs/job.js';
import type { SynonymSource, WordClass } from '../nlp/synonym-source.js';
import { normalise, OWN_ACTION, sentences } from './text-analysis.js';
import { readText, type Token } from './understanding/nlp.js';
import { isQuestionLike } from './understanding/utterance.js';

/** Words that say nothing about a criterion by themselves. */
const GENERIC = new Set(
  (
    'be have do get make use go take give keep say know think want need like good well great thing way ' +
    'such other also role job work year time day lot kind sort stuff really just very one people'
  ).split(' '),
);

interface Concept {
  lemma: string;
  wordClass: WordClass | null;
  synonyms: Set<string>;
  hypernyms: Set<string>;
}

const CLASS_OF: Record<string, WordClass> = {
  NOUN: 'noun',
  PROPN: 'noun',
  VERB: 'verb',
  ADJ: 'adj',
};

function contentTokens(text: string): Token[] {
  return readText(text.toLowerCase()).tokens.filter(
    (token) =>
      CLASS_OF[token.pos] !== undefined && !GENERIC.has(token.lemma) && token.lemma.length > 2,
  );
}

function conceptsOf(text: string, synonyms: SynonymSource | undefined): Concept[] {
  const seen = new Map<string, Concept>();
  for (const token of contentTokens(text)) {
    if (seen.has(token.lemma)) continue;
    const wordClass = CLASS_OF[token.pos] ?? null;
    seen.set(token.lemma, {
      lemma: token.lemma,
      wordClass,
      synonyms: new Set(synonyms?.synonymsOf(token.lemma, wordClass ?? undefined) ?? []),
      hypernyms: new Set(wordClass === 'noun' ? (synonyms?.hypernymsOf(token.lemma) ?? []) : []),
    });
  }
  return [...seen.values()];
}

/** Whether a candidate's word means the concept: the same lemma, a WordNet synonym either way, or a noun sharing its direct hypernym ("crew" and "team"). */
function means(token: Token, concept: Concept, synonyms: SynonymSource | undefined): boolean {
  if (token.lemma === concept.lemma || concept.synonyms.has(token.lemma)) return true;
  if (synonyms === undefined || GENERIC.has(token.lemma)) return false;
  const wordClass = CLASS_OF[token.pos];
  if (wordClass === undefined) return false;
  // "coach" (verb) gives "training" (noun) among its derivations: either class may carry the meaning.
  if (synonyms.synonymsOf(token.lemma, wordClass).includes(concept.lemma)) return true;
  if (wordClass === 'noun' && concept.wordClass === 'noun' && concept.hypernyms.size > 0) {
    return synonyms.hypernymsOf(token.lemma).some((hypernym) => concept.hypernyms.has(hypernym));
  }
  return false;
}

const SPECIFIC =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|percent|half|double|twice)\b|\b(every|each|a whole|a full) (day|week|month|quarter|year|morning|night|shift|sprint|release)\b/i;
const OUTCOME =
  /\b(cut|cutting|reduced?|reducing|lowered|improved?|increased?|grew|grown|doubled|halved|saved|launched|shipped|built|fixed|migrated|designed|trained|coached|mentored|won|passed|dropped|went down|went up)\b/i;
/** A named thing: a tool, a system, an acronym ("Kafka", "OSHA", "CPT"). */
const NAMED = /(?<!^)(?<![.!?] )\b([A-Z][a-z]+[A-Z]\w*|[A-Z]{2,6}\b|[A-Z][a-z]{2,}(?:\.js)?)/;

/**
 * A first-person negation ("I've never", "I haven't", "I don't really") or a turn that opens with
 * "no" or "never". Not "I never missed a deploy" or "we haven't had a recordable injury", which
 * boast, nor "I don't just code", which adds.
 */
const NEGATION =
  /^(no|nope|nah|not really|never)\b(?! (missed|lost|failed|had|dropped|broke))|\b(i|we)('ve|'d| have| had| would| really)? (never|not|haven'?t|hadn'?t|didn'?t|did not|don'?t|do not|wasn'?t|was not|weren'?t)\b(?! (just|only|mind|miss|lose|lost|fail|ha(ve|d) (a|an|any) (\w+ )?(problem|issue|incident|injur|accident|outage|complaint|breach|defect)))/i;
/** The candidate hedges their own claim: it counts as a mention, not as depth. */
const HEDGED =
  /\b(kinda|kind of|sort of|sorta|i guess|i think|i suppose|i believe|maybe|probably|a little|a bit|here and there|sometimes|nothing major|not really|not officially|not much|i'?ve seen some|touched|okay i guess|more or less)\b/i;
/** Every hedge in a sentence, to count them. */
const HEDGES = new RegExp(HEDGED.source, 'gi');
/** Vague nouns: the sentence names no concrete thing, however many figures it has. */
const VAGUE = /\b(stuff|(?<!one of the )things|whatever|and so on|etc|and all that)\b/i;

/**
 * The candidate says they have not done it: a negation, with no doing of their own after it
 * ("we didn't have a backend, so I built one" tells what they did).
 */
function saysNotDone(quote: string): boolean {
  const negation = NEGATION.exec(quote);
  if (negation === null) return false;
  // What follows the negated verb: "I wasn't the lead but I ran the incident" claims the work.
  const after = quote.slice(negation.index + negation[0].length).replace(/^\s*\S+/, '');
  return !OWN_ACTION.test(after);
}

/** A claim told with a concrete figure, result or named tool, and no vague noun. */
function isConcrete(quote: string): boolean {
  return !VAGUE.test(quote) && (SPECIFIC.test(quote) || OUTCOME.test(quote) || NAMED.test(quote));
}

/**
 * A hedged claim: "I kinda did some backend stuff", "I've touched Kafka a little bit". A figure or
 * a result outweighs one hedge ("I think the biggest one was when I cut latency by forty
 * percent"); a tool's name alone does not, and nothing outweighs several.
 */
function isHedged(quote: string): boolean {
  const hedges = quote.match(HEDGES)?.length ?? 0;
  // One "I think" is a habit of speech; several hedges are doubt, figures or not.
  return hedges >= 2 || (hedges === 1 && !SPECIFIC.test(quote) && !OUTCOME.test(quote));
}

/** A sentence that is a question back, not an answer (speech-to-text may drop the "?"). */
function isQuestionBack(sentence: string): boolean {
  return (
    sentence.trim().endsWith('?') || (isQuestionLike(sentence) && !/\b(i|we)\b/i.test(sentence))
  );
}

/** What a criterion without a single supporting sentence says instead of a reason for its score. */
export const NOT_DETERMINED_EXPLANATION =
  'Not determined: nothing the candidate said in answer to the resume questions was about it.';

/** One criterion's score from what was said: every supporting sentence cited, the score explained. */
function scoreOne(
  criterion: RubricCriterion,
  answerTurns: TranscriptTurn[],
  synonyms: SynonymSource | undefined,
): Scorecard['criteria'][number] {
  const concepts = conceptsOf(`${criterion.name}. ${criterion.description ?? ''}`, synonyms);
  const phrases = (criterion.looksLike ?? []).map((phrase) => conceptsOf(phrase, synonyms));
  const evidence: {
    quote: string;
    /** The quote with its apostrophes made one ("I’ve" as typed, "I've" as transcribed). */
    said: string;
    turnId: string;
    concepts: Set<string>;
    isPhrase: boolean;
  }[] = [];
  for (const turn of answerTurns) {
    for (const sentence of sentences(turn.text)) {
      if (isQuestionBack(sentence)) continue;
      const tokens = readText(sentence.toLowerCase()).tokens;
      const matched = new Set(
        concepts
          .filter((concept) => tokens.some((token) => means(token, concept, synonyms)))
          .map((concept) => concept.lemma),
      );
      // A recruiter's "looks like" phrase: most of its words (or their synonyms) in one sentence.
      const isPhrase = phrases.some(
        (phrase) =>
          phrase.length > 0 &&
          phrase.filter((concept) => tokens.some((token) => means(token, concept, synonyms)))
            .length >= Math.max(1, Math.ceil(phrase.length * 0.6)),
      );
      if (matched.size === 0 && !isPhrase) continue;
      if (evidence.some((item) => item.quote === sentence)) continue;
      evidence.push({
        quote: sentence,
        said: normalise(sentence),
        turnId: turn.id,
        concepts: matched,
        isPhrase,
      });
    }
  }
  if (evidence.length === 0) {
    return {
      id: criterion.id,
      name: criterion.name,
      // The lowest the 1-5 scale allows; a criterion without evidence is not determined, and the
      // scorecard leaves it out of the average (isCriterionDetermined).
      score: 1,
      evidence: [],
      explanation: NOT_DETERMINED_EXPLANATION,
    };
  }
  const cited = evidence.map(({ quote, turnId }) => ({ quote, turnId }));
  // What the candidate claims, as against what they say they have not done.
  const claims = evidence.filter((item) => !saysNotDone(item.said));
  if (claims.length === 0) {
    return {
      id: criterion.id,
      name: criterion.name,
      score: 1,
      evidence: cited,
      explanation: `Says they have not done it (${sentenceCount(evidence.length)}).`,
    };
  }
  // A hedged claim ("I kinda did some backend stuff") is a mention: it earns no depth.
  const firm = claims.filter((item) => !isHedged(item.said));
  const distinct = new Set(firm.flatMap((item) => [...item.concepts]));
  const isBroad = distinct.size >= 2 || firm.some((item) => item.isPhrase);
  const isSpecific = firm.some((item) => isConcrete(item.said));
  // Their own doing, told with a concrete detail or more than once.
  const isOwnWork =
    firm.some((item) => OWN_ACTION.test(item.said)) && (isSpecific || firm.length >= 2);
  const isMixed = claims.length < evidence.length;
  const depth = (isBroad ? 1 : 0) + (isSpecific ? 1 : 0) + (isOwnWork ? 1 : 0);
  const score = Math.max(2, Math.min(5, 2 + depth - (isMixed ? 1 : 0)));
  const reasons =
    firm.length === 0
      ? [sentenceCount(claims.length), 'hedged ("kind of", "I guess"), so a mention only']
      : [
          sentenceCount(claims.length),
          isBroad ? 'covers more than one part of it' : 'touches one part of it',
          isSpecific ? 'with concrete figures, results or named tools' : 'without concrete detail',
          ...(isOwnWork ? ["in the candidate's own actions"] : []),
          ...(firm.length < claims.length ? ['some of it hedged'] : []),
        ];
  if (isMixed) reasons.push('and says they have not done part of it');
  return {
    id: criterion.id,
    name: criterion.name,
    score,
    evidence: cited,
    explanation: `${reasons.join('; ')}.`,
  };
}

function sentenceCount(count: number): string {
  return `${String(count)} supporting ${count === 1 ? 'sentence' : 'sentences'}`;
}

/**
 * Each rubric criterion scored by meaning: its words, their WordNet synonyms (when a source is
 * given) and the recruiter's "looks like" phrases, matched in the candidate's answers. Only what
 * was said counts (LAW-7: never tone, age, photo or anything from the resume).
 */
export function scoreCriteriaByMeaning(
  rubric: RubricCriterion[],
  answerTurns: TranscriptTurn[],
  synonyms?: SynonymSource,
): Scorecard['criteria'] {
  return rubric.map((criterion) => scoreOne(criterion, answerTurns, synonyms));
}
