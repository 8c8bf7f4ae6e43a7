import * as chrono from 'chrono-node';
import type { Knockout } from '../../jobs/job.js';
import { readText, type Token } from './nlp.js';
import { numberWords, readNumbers, type NumberMention, type NumberUnit } from './spoken-numbers.js';
import { clean, hasHedge, isQuestionLike, isSmallTalk } from './utterance.js';

/** How an answer stands against a knock-out: met, not met, or not clear from what was said. */
export type KnockoutStatus = 'met' | 'unmet' | 'unclear';

/** A knock-out answer as read: its typed value and whether it meets the job's rule. */
export interface KnockoutReading {
  status: KnockoutStatus;
  /** yes/no → boolean, number → the low end, duration → days, text → the words; null when unclear. */
  value: boolean | number | string | null;
  range: { low: number; high: number } | null;
  /** Why it is unclear, for tests and the bench ("no number about pay", "hedged"...). */
  reason: string | null;
}

/** When the answer was given and where the candidate is, for dates ("January first"). */
export interface ReadingContext {
  now: Date;
  timeZone?: string;
}

const DAY_MS = 86_400_000;

const unclear = (reason: string): KnockoutReading => ({
  status: 'unclear',
  value: null,
  range: null,
  reason,
});

/** Reads one knock-out answer; an answer that does not address the question is unclear, never met. */
export function readKnockoutAnswer(
  knockout: Knockout,
  text: string,
  context: ReadingContext,
): KnockoutReading {
  switch (knockout.answerType) {
    case 'yes_no': {
      const value = readYesNo(knockout.question, text, context);
      if (value === null) return unclear('no clear yes or no about the question');
      const isMet = knockout.accept.equals === undefined || value === knockout.accept.equals;
      return { status: isMet ? 'met' : 'unmet', value, range: null, reason: null };
    }
    case 'number': {
      const range = readQuantity(knockout, text, context);
      if (range === null) return unclear(`no number about ${knockout.unit ?? 'the question'}`);
      return {
        status: isWithin(knockout, range.low, range.high) ? 'met' : 'unmet',
        value: range.low,
        range: range.low === range.high ? null : range,
        reason: null,
      };
    }
    case 'duration_days': {
      const days = readDurationDays(text, context);
      if (days === null) return unclear('no time until the start');
      return {
        status: isWithin(knockout, days, days) ? 'met' : 'unmet',
        value: days,
        range: null,
        reason: null,
      };
    }
    case 'text': {
      const answer = readTextAnswer(knockout.question, text);
      if (answer === null) return unclear('does not address the question');
      return { status: 'met', value: answer, range: null, reason: null };
    }
  }
}

/** A range passes when it overlaps what the job accepts: the candidate can meet the job there. */
function isWithin(knockout: Knockout, low: number, high: number): boolean {
  const { min, max } = knockout.accept;
  if (min !== undefined && high < min) return false;
  if (max !== undefined && low > max) return false;
  return true;
}

// ---------------------------------------------------------------- yes / no

const YES_START =
  /^(yes|yeah|yep|yup|ya|yea|yah|sure|absolutely|definitely|certainly|correct|of course|ofc|affirmative|indeed|totally|mhm+|mm hmm|uh huh|you bet|for sure|sure thing|that'?s right|that is right|that'?s correct|right|ok(ay)? yes|i sure (do|can|am)|sure (do|can|am)|no problem|no issue|not a problem|without a doubt|100 percent)\b(?!'t| not|n't)|^(i (do|can|am|have|will|could|would))( (it|one|that|them))?(\W*$|,)|^ok(ay)?\W*$/;
const NO_START =
  /^(no|nope|nah|naw|negative|never|not really|not anymore|not currently|not yet|not safely|not regularly|not at the moment|not right now|i'?m afraid not|afraid not|unfortunately not|sadly not|probably not|i don'?t think (so|i (can|could|will|would))|not at all|no way|not (within|inside|before|by|in|until|during)|i can'?t|i cannot|i can not|i won'?t|i couldn'?t)\b/;

/** Phrases whose words look negative but mean yes ("no problem", "I don't mind"). */
const POSITIVE_IDIOMS =
  /\b(no (problem|problems|issue|issues|trouble|worries|sweat)|not (a|an|any) (problem|issue|big deal)|nothing new|never (had|been) (a|an|any) (problem|issue|trouble)|(would ?n'?t|wouldn'?t|won'?t|don'?t) (have|see|be) (a|an|any) (problem|issue|trouble)|don'?t see (why not|an? (issue|problem)|any (issue|problem))|wouldn'?t say no|don'?t mind|do not mind|doesn'?t bother me|(is|are|'s|'re) nothing\b|no (sponsorship|visa|sponsor)( is)? (needed|required|necessary)|(don'?t|do not|won'?t|will not|wouldn'?t) (need|require) (a |any )?(visa|sponsorship|sponsor)|(don'?t|do not) have anything (on|going on|planned)|have nothing (on|planned)|not working right now|no reason (i|why i) (can'?t|couldn'?t))\b/g;

/** Phrases with no negation word that still mean no ("too soon", "is out for me"). */
const NEGATIVE_IDIOMS =
  /\b(too (soon|early|much|many|far|late|heavy)|(is|are|'s|'re) out( for me)?\b|a no for me|impossible|rather not|(i'?d|i would) prefer not|(doesn'?t|does not|won'?t|will not|wouldn'?t) work( for me)?|expired|lapsed|limited to|restriction|restricted|can only do|only (do|work) days|i (really |do )?mind\b|i hate|tough for me|hard for me|difficult for me|is a struggle|(hard|big|firm|definite|flat) no\b|(i'?d|i'?ll|i will|i would|i have to|i'?d have to|gonna|going to) pass\b|(won'?t|doesn'?t|don'?t|wouldn'?t|will not|does not) let me|can'?t do (that|it|this)|not able to|no longer|nothing (over|above|more than|heavier than)|deal ?breaker|non ?starter|no go|not for me|not an option)/;

/** Hedges: the answer leaves the question open. */
const HEDGES =
  /\b(maybe|perhaps|possibly|might|not sure|unsure|no idea|don'?t know|dunno|depends|depending on|it depends|hard to say|sometimes|^(kind of|sort of|kinda|sorta)\b|, (kind of|sort of)\b|i'?d have to (check|ask|think|see|talk)|i'?ll have to (see|check|ask|talk|think)|have to (check|ask) (with|my)|need to think|think about it|let me (think|check)|complicated|pending|not certain|with (a |some )?(help|dolly|assistance)|only if|i try not to|could work|we'?ll see|not a hundred percent|hopefully|probably(?! not)|mostly|most (of the time|\w+s\b)|usually|a couple|some of (them|the)|i guess(?! so)|up in the air|if possible|if i can|keep \w+ free|rather keep|next year|one day|eventually|soon hopefully)\b/;

/** Words that carry no content for the question ("well", "um", "honestly"). */
const FILLERS =
  /^(well|so|um+|uh+(?! huh)|er+|ah+|oh|ok(ay)?|hmm+|look|honestly|actually|i mean|like|yeah so|right so|hey|hi)\b[ ,.!]*/;

/** Content words of the question that an answer must touch to address it (lemmas). */
function questionTopics(question: string): Set<string> {
  const topics = new Set<string>();
  const tokens = readText(question.toLowerCase()).tokens;
  for (const [index, token] of tokens.entries()) {
    // "forklift certification": the last noun of a compound is what is asked about.
    const next = tokens[index + 1];
    const isModifier = token.pos === 'NOUN' && (next?.pos === 'NOUN' || next?.pos === 'PROPN');
    if (
      !isModifier &&
      (token.pos === 'NOUN' ||
        token.pos === 'PROPN' ||
        token.pos === 'VERB' ||
        token.pos === 'ADJ') &&
      !GENERIC.has(token.lemma)
    ) {
      topics.add(token.lemma);
      const related = RELATED[token.lemma] ?? RELATED[token.lemma.replace(/s$/, '')] ?? [];
      for (const word of related) topics.add(word);
    }
  }
  return topics;
}

const GENERIC = new Set([
  'be',
  'do',
  'have',
  'able',
  'can',
  'could',
  'would',
  'will',
  'include',
  'involve',
  'role',
  'job',
  'work',
  'hold',
  'current',
  'shift',
  'week',
  'day',
  'safely',
  'regularly',
  'that',
  'you',
]);
/** Words people use for the same thing ("evenings" ↔ "nights", "second shift"). */
const RELATED: Record<string, string[]> = {
  evening: ['night', 'nights', 'late', 'second', 'swing', 'evening'],
  sunday: ['weekend', 'sunday', 'sabbath'],
  certification: [
    'certify',
    'certified',
    'card',
    'license',
    'licence',
    'certificate',
    'osha',
    'certification',
  ],
  start: ['available', 'start', 'begin', 'free'],
  lift: ['lift', 'lifting', 'carry', 'heavy', 'pound', 'box'],
  site: ['office', 'site', 'onsite', 'remote', 'hybrid', 'person', 'commute', 'nearby'],
  authorize: [
    'citizen',
    'resident',
    'residency',
    'green',
    'visa',
    'sponsor',
    'sponsorship',
    'authorize',
    'authorized',
    'permit',
    'born',
    'american',
    'canadian',
    'h1b',
  ],
};

/** Work-authorisation answers: statuses that mean authorised, and needs that mean sponsorship. */
const AUTHORISED_STATUS =
  /\b(citizen|citizenship|green card|permanent resident|permanent residency|residency|born (here|in the (us|states|united states|u\.s\.|canada))|i'?m (an? )?(american|canadian)|authori[sz]ed|valid work permit|have (a |my )?work permit|eligible to work)\b/;
const TIME_LIMITED_STATUS =
  /\b(expires?|expiring|will expire|runs? out|valid (until|till|through)|good (until|till|through)|temporary|only until)\b/;
/**
 * A status that does not run out, said as the candidate's own: "I'm a permanent resident, my card
 * expires in 2031" (the card, not the status). Not "it's not permanent", nor "I don't have
 * permanent residency".
 */
function isPermanentStatus(said: string): boolean {
  return (
    /\b(citizen|citizenship|green card|permanent (resident|residency|residence))\b/.test(said) &&
    !/\b(not|no|don'?t have|do not have|without|isn'?t|never had)( an?| my| the| yet)? (a |an )?(\w+ )?(citizen|citizenship|green card|permanent)/.test(
      said,
    )
  );
}

const NEEDS_SPONSORSHIP =
  /\b((need|needs|require|requires|would need|will need|'ll need|'d need)\b[^.?!]{0,30}\b(sponsor\w*|visa|h ?1 ?b|h-1b|work permit|transfer|opt)|on an? (h ?1 ?b|h-1b|f ?1|f-1|opt|l ?1)\b|not (yet )?authori[sz]ed|not without sponsorship)/;

/**
 * Yes or no to the question, from the answer's own words: an explicit yes or no, a negation in
 * the scope of what was asked ("I can't do *evenings*"), an idiom ("no problem", "too soon"), an
 * indirect yes ("that's what I do now"), a duration against "within thirty days". Null when it
 * hedges or does not touch the question.
 */
export function readYesNo(question: string, text: string, context: ReadingContext): boolean | null {
  // "Evenings? Sure, that's when I'm most awake": a short echo of the question, then the answer.
  let said = clean(text).replace(/^(\w+\s?){1,3}\?\s+(?=\w)/, '');
  if (/^(ok(ay)?|alright|all right)\W*$/.test(said)) return true;
  while (FILLERS.test(said)) said = said.replace(FILLERS, '');
  if (said === '') return null;
  const lowerQuestion = question.toLowerCase();

  // Work authorisation: the status said decides, oriented by what the question asks.
  if (/\b(sponsor|authori[sz]ed|visa|eligible to work|work permit)/.test(lowerQuestion)) {
    const asksNeed = /\b(need|require)\b[^?]*sponsor/.test(lowerQuestion);
    const positive = said.replace(POSITIVE_IDIOMS, ' positive ');
    if (NEEDS_SPONSORSHIP.test(said) && !/\b(don'?t|do not|won'?t|never) (need|require)/.test(said))
      return asksNeed;
    if (
      /\b(complicated|pending|application|applied for|in process|waiting|will have|'ll have|next year|soon|hopefully|working on)\b/.test(
        said,
      )
    )
      return null;
    // Authorised for now, not for good: a permit that runs out, or a status tied to one employer
    // (TN). Whether that meets "without sponsorship" is the recruiter's call, not a yes.
    if (
      (TIME_LIMITED_STATUS.test(said) && !isPermanentStatus(said)) ||
      /\b(on (an? )?tn|tn (visa|status))\b/.test(said)
    )
      return null;
    if (AUTHORISED_STATUS.test(said) || /\bpositive\b/.test(positive)) {
      return /\bnot (a |an )?(citizen|authori)/.test(said) ? asksNeed : !asksNeed;
    }
  }

  // "Could you start within thirty days?": a duration answers it by its length.
  const within = /\bwithin (.+?) (days?|weeks?|months?)\b/.exec(lowerQuestion);
  if (within !== null) {
    const limit = readDurationDays(`${within[1] ?? ''} ${within[2] ?? ''}`, context);
    const days =
      NO_START.test(said) || /\b(can'?t|cannot|not)\b/.test(said)
        ? null
        : readDurationDays(said, context);
    if (limit !== null && days !== null && !hasHedge(said)) return days <= limit;
  }

  const positive = said.replace(POSITIVE_IDIOMS, ' positive ');
  // "I need a couple of remote days" to "on site five days a week?": wanting the contrary is a no.
  if (
    /\b(on site|onsite|in the office|in person)\b/.test(lowerQuestion) &&
    /\b(need|want|prefer|hoping for|looking for|require)\b[^.]{0,30}\b(remote|hybrid|work from home|wfh)\b/.test(
      said,
    )
  )
    return false;
  const isHedged =
    HEDGES.test(positive) && !/^(yes|yeah|yep|absolutely|definitely|of course)\b/.test(positive);
  if (
    /^(i (think|guess|believe|suppose) so|i'?d (think|say) so)\b/.test(positive) ||
    /\b(yeah|yes),? i (think|guess) so\b/.test(positive)
  ) {
    return HEDGES.test(positive.replace(/\bi (think|guess|believe|suppose) so\b/, ''))
      ? null
      : true;
  }
  if (NO_START.test(positive) && !/^no,? (problem|issue|worries)/.test(positive))
    return isHedged && !/^(no|nope|nah)\b/.test(positive) ? null : false;
  if (/^positive\b/.test(positive) && !NEGATIVE_IDIOMS.test(positive)) return true;
  // "...for five years, so yes": an explicit yes at the end.
  if (/(,|\bso) (yes|yeah|yep)\W*$/.test(positive) && !/\b(not|n't|never|no)\b/.test(positive))
    return true;
  if (YES_START.test(positive)) {
    if (isHedged || /\bbut (not|no)\b/.test(positive)) return null;
    return true;
  }
  if (isHedged) return null;
  if (NEGATIVE_IDIOMS.test(positive)) return false;

  const reading = readText(positive);
  const topics = questionTopics(question);
  const touches = reading.tokens.filter(
    (token) => topics.has(token.lemma) || topics.has(token.text),
  );
  const negators = reading.tokens.filter(isNegator);
  // Read only when a negation needs placing: each clause is tokenised once, for both uses below.
  const topicClauses = negators.length > 0 ? clausesAbout(positive, topics) : [];
  // "not Sundays, but any other day": the clause about the topic decides.
  if (
    touches.some((token) => token.isNegated) ||
    (touches.length > 0 && negators.length > 0 && negatorBefore(reading.tokens, touches))
  )
    return false;
  if (/\bpositive\b/.test(positive)) return true;
  if (
    negators.length > 0 &&
    // A negation in the same clause as the topic: "not sundays, I need one day off" is a no, but
    // in "sunday's fine, I'm not religious or anything" the "not" is about something else.
    (topicClauses.some((clause) => clause.tokens.some(isNegator)) ||
      /\bi (can'?t|cannot|can not|won'?t|couldn'?t|will not)\b|\bi('m| am) (not able|unable)\b|\bi (don'?t|do not|haven'?t|have not|never) (have|hold|got|had|do|did|work|worked|own)\b/.test(
        positive,
      ))
  )
    return false;
  // An explicit "no" somewhere in the answer ("not inside a month, no, my contract...").
  if (
    /(^|[,.;] ?|\bso )(no|nope|nah)([,.;!]|$)/.test(positive) &&
    !/\b(yes|yeah|yep)\b/.test(positive)
  )
    return false;
  if (
    /\b(that'?s|that is|this is) (basically |exactly |actually )?(what|all|how|the)\b/.test(
      positive,
    ) ||
    /\bi do (that|it|them)\b/.test(positive)
  )
    return true;
  if (negators.length > 0) {
    // The negation is about something else ("sunday's fine, I'm not religious"): only the clauses
    // about the topic may say yes.
    const aboutTopic = topicClauses.map((clause) => clause.text).join(', ');
    return aboutTopic !== '' &&
      !isQuestionLike(said) &&
      /\b(fine|ok|okay|good|great|no problem|positive|works?|suits?|available|happy|glad)\b/.test(
        aboutTopic,
      )
      ? true
      : null;
  }
  if (
    touches.length > 0 &&
    !isQuestionLike(said) &&
    (POSITIVE_PREDICATE.test(positive) || doesTopic(reading.tokens, touches))
  ) {
    // An affirmative sentence about what was asked: "Sundays are fine", "I've worked Sundays my whole career".
    return true;
  }
  if (
    /\b(fine|good|great|works|work for me|okay|ok|perfect|suits me|happy to|glad to|easily|easy|available|open|flexible|prefer|no problem)\b/.test(
      positive,
    )
  ) {
    return touches.length > 0 || reading.tokens.length <= 6 ? true : null;
  }
  return null;
}

/** Words that make a sentence about the topic a yes ("Sundays are fine", "I like weekends"). */
const POSITIVE_PREDICATE =
  /\b(fine|ok|okay|good|great|no problem|positive|like|love|enjoy|prefer|preference|preferred|suits?|works?|worked|working|done|doing|do|did|all i know|my jam|used to|comfortable|happy|glad|available|open|flexible|easy|easily|certified|licensed|licenced|valid|current|authori[sz]ed|citizen|resident|can|could|will|would|am|i'?m|any day|every day|all days|seven days|whenever)\b/;

/** The candidate says they do the thing asked ("I lift heavier than that daily"). */
function doesTopic(tokens: Token[], touches: Token[]): boolean {
  return (
    touches.some((token) => token.pos === 'VERB' && !token.isNegated) &&
    tokens.some((token) => token.text === 'i' || token.text === 'we')
  );
}

const NEGATORS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'cannot',
  'nope',
  'nah',
  'unable',
  'neither',
  'nor',
]);

function isNegator(token: Token): boolean {
  return NEGATORS.has(token.text) || NEGATORS.has(token.lemma);
}

/** The clauses of an answer that mention a word of the topic, each with its tokens. */
function clausesAbout(said: string, topics: Set<string>): { text: string; tokens: Token[] }[] {
  return said
    .split(/[,.;!?]|\b(?:but|so|because|cause|'cause|though|although)\b/)
    .map((text) => ({ text, tokens: readText(text).tokens }))
    .filter((clause) =>
      clause.tokens.some((token) => topics.has(token.lemma) || topics.has(token.text)),
    );
}

/** A negator that comes before the first mention of the topic in the same sentence. */
function negatorBefore(tokens: Token[], touches: Token[]): boolean {
  const first = touches[0];
  if (first === undefined) return false;
  const index = tokens.indexOf(first);
  return tokens
    .slice(0, index)
    .some((token) => token.sentence === first.sentence && NEGATORS.has(token.text));
}

// ---------------------------------------------------------------- numbers

type Dimension =
  | 'hourly'
  | 'yearly'
  | 'money'
  | 'years'
  | 'months'
  | 'miles'
  | 'pounds'
  | 'count'
  | 'hours'
  | 'percent'
  | null;

/** What a numeric knock-out measures, from its unit and question. */
export function dimensionOf(knockout: Knockout): Dimension {
  const said = `${knockout.unit ?? ''} ${knockout.question}`.toLowerCase();
  const isMoney = /\b(usd|\$|dollars?|pay|salary|wage|rate|compensation|earn|eur|gbp|cad)\b/.test(
    said,
  );
  if (isMoney && /\b(hour|hourly|hr)\b/.test(said)) return 'hourly';
  if (isMoney && /\b(year|annual|annually|yearly|salary|base)\b/.test(said)) return 'yearly';
  if (isMoney) return 'money';
  if (/\byears?\b/.test(said)) return 'years';
  if (/\bmonths?\b/.test(said)) return 'months';
  if (/\b(miles?|km|kilomet)/.test(said)) return 'miles';
  if (/\b(pounds?|lbs?|kg)\b/.test(said)) return 'pounds';
  if (/\bpercent|%/.test(said)) return 'percent';
  if (/\bhours?\b/.test(said)) return 'hours';
  if (/\b(people|how many|team|reports)\b/.test(said)) return 'count';
  return null;
}

const COMPATIBLE: Record<Exclude<Dimension, null>, (NumberUnit | null)[]> = {
  hourly: [null, 'hourly', 'money'],
  yearly: [null, 'yearly', 'money'],
  money: [null, 'hourly', 'yearly', 'money'],
  years: [null, 'years', 'months', 'calendar_year'],
  months: [null, 'months', 'years'],
  miles: [null, 'miles'],
  pounds: [null, 'pounds'],
  count: [null, 'count'],
  hours: [null, 'hours'],
  percent: [null, 'percent'],
};

/**
 * The number (or range) that answers a numeric knock-out: only a number whose unit fits what was
 * asked counts ("eight *years*" does not answer a pay question), scaled the way people say pay
 * ("one fifty" for a yearly salary is 150,000).
 */
function readQuantity(
  knockout: Knockout,
  text: string,
  context: ReadingContext,
): { low: number; high: number } | null {
  const dimension = dimensionOf(knockout);
  const said = clean(text);
  const mentions = readNumbers(said).filter(
    (mention) => mention.unit !== 'clock' && mention.unit !== 'percent',
  );
  const fitting = statedMentions(
    mentions.filter(
      (mention) =>
        dimension === null ||
        (COMPATIBLE[dimension].includes(mention.unit) && isPlausible(dimension, mention)),
    ),
    numberWords(said),
    dimension,
  );
  // A bare number beside one with a wrong unit is probably about that same wrong thing ("six months at my job").
  const hasUnit = fitting.some((mention) => mention.unit !== null);
  if (
    dimension === 'years' &&
    !hasUnit &&
    /\b(never|none|haven'?t|have not|no experience)\b/.test(said)
  ) {
    return { low: 0, high: 0 };
  }
  const chosen = pickMention(fitting, dimension);
  if (chosen === undefined) {
    if (dimension === 'years' && /\b(none|never|haven'?t|have not|no experience|zero)\b/.test(said))
      return { low: 0, high: 0 };
    return null;
  }
  if (
    dimension === 'years' &&
    /\b(at (my|this|the|that) (current )?(job|company|place)|been at)\b/.test(said) &&
    !hasTopicWord(knockout.question, said)
  ) {
    return null;
  }
  let low = chosen.value;
  let high = chosen.high ?? chosen.value;
  if (chosen.unit === 'calendar_year') {
    const years = context.now.getUTCFullYear() - chosen.value;
    low = years;
    high = years;
  }
  if (chosen.unit === 'months' && dimension === 'years') {
    low /= 12;
    high /= 12;
  }
  if (chosen.unit === 'years' && dimension === 'months') {
    low *= 12;
    high *= 12;
  }
  if (dimension === 'yearly' && high < 1_000) {
    low *= 1_000;
    high *= 1_000;
  }
  if (dimension === 'hourly' && low >= 1_000) return null;
  return { low: round(low), high: round(high) };
}

/** Words that take back what came before them: "twenty, no I mean twenty five". */
const CORRECTION = /^(mean|actually|sorry|correction|scratch|rather)$/;

/**
 * The numbers that state the answer: those after the last correction, if any follow it, and for
 * pay, not the pay the candidate has now ("I make ninety now, so a hundred ten") when another
 * number is there to be the answer.
 */
function statedMentions(
  mentions: NumberMention[],
  tokens: string[],
  dimension: Dimension,
): NumberMention[] {
  const corrected = tokens.findLastIndex((token) => CORRECTION.test(token));
  const afterCorrection = mentions.filter((mention) => mention.start > corrected);
  const stated = corrected >= 0 && afterCorrection.length > 0 ? afterCorrection : mentions;
  if (dimension !== 'yearly' && dimension !== 'hourly' && dimension !== 'money') return stated;
  const isCurrentPay = (mention: NumberMention): boolean => {
    const before = tokens.slice(Math.max(0, mention.start - 2), mention.start).join(' ');
    const after = tokens.slice(mention.end + 1, mention.end + 3);
    return (
      /\b(make|making|earn|earning|get|getting|paid|currently|i'm at|am at)$/.test(before) ||
      after.includes('now') ||
      after.includes('currently')
    );
  };
  const wanted = stated.filter((mention) => !isCurrentPay(mention));
  return wanted.length > 0 ? wanted : stated;
}

/** A number that can be about what was asked: nobody commutes fifty thousand miles. */
function isPlausible(dimension: Exclude<Dimension, null>, mention: NumberMention): boolean {
  const value = mention.value;
  if (mention.unit === 'calendar_year') return true;
  switch (dimension) {
    case 'hourly':
      return value <= 500;
    case 'yearly':
      // "six figures", "one point five": a yearly salary said as a single digit is no figure.
      return value >= 10;
    case 'years':
      return mention.unit === 'months' ? value <= 600 : value <= 60;
    case 'months':
      return value <= 600;
    case 'miles':
      return value <= 1_000;
    case 'pounds':
      return value <= 2_000;
    case 'hours':
      return value <= 200;
    case 'percent':
      return value <= 100;
    default:
      return true;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function pickMention(mentions: NumberMention[], dimension: Dimension): NumberMention | undefined {
  if (dimension === 'years') {
    // "since 2014 so twelve years": the stated years win over the calendar year.
    return (
      mentions.find((mention) => mention.unit === 'years' || mention.unit === 'months') ??
      mentions[0]
    );
  }
  return mentions.find((mention) => mention.unit !== null) ?? mentions[0];
}

function hasTopicWord(question: string, said: string): boolean {
  const topics = questionTopics(question);
  return readText(said).tokens.some((token) => topics.has(token.lemma));
}

// ---------------------------------------------------------------- durations

const UNIT_DAYS: Partial<Record<NumberUnit, number>> = {
  days: 1,
  business_days: 1.4,
  weeks: 7,
  months: 30,
  years: 365,
};

/** Days until the candidate could start: "two weeks" → 14, "right away" → 0, "January first" → days to it. */
export function readDurationDays(text: string, context: ReadingContext): number | null {
  const said = clean(text);
  if (
    /\b(immediately|right away|straight away|right now|asap|as soon as possible|no notice|any ?time|available now|between jobs|not working (right )?now|unemployed|whenever you (need|want)|i'?m available whenever|available whenever|start now|can start now|(start|begin) today|was my last day|already (left|quit|finished))\b|^today\b/.test(
      said,
    )
  ) {
    return 0;
  }
  if (/\btomorrow\b/.test(said)) return 1;
  if (/\bnext week\b/.test(said)) return 7;
  if (/\bnext month\b/.test(said)) return 30;
  const isTenure = (mention: NumberMention): boolean => {
    const before = numberContext(said, mention);
    return (
      /\b(been|for|worked|working|experience|at my job|at this job)\b/.test(before) &&
      !/\b(notice|start|give|need|in)\b/.test(before)
    );
  };
  const mention = readNumbers(said).find(
    (item) => item.unit !== null && UNIT_DAYS[item.unit] !== undefined && !isTenure(item),
  );
  if (mention?.unit != null) {
    return Math.round(mention.value * (UNIT_DAYS[mention.unit] ?? 1));
  }
  const days = daysUntilDate(said, context);
  if (days !== null) return days;
  return null;
}

/** The words before a number in its clause, for telling "been here five years" from "five days' notice". */
function numberContext(said: string, mention: NumberMention): string {
  const words = said.split(/\s+/);
  return words.slice(Math.max(0, mention.start - 6), mention.start + 1).join(' ');
}

/** Minutes east of UTC of an IANA zone at an instant. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at);
    const get = (type: string): number =>
      Number(parts.find((part) => part.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  } catch {
    // An unknown zone reads dates as UTC; the recruiter still sees the candidate's own words.
    return 0;
  }
}

/** Days from today to a date chrono-node finds in the words (in the candidate's zone). */
function daysUntilDate(said: string, context: ReadingContext): number | null {
  const offset = zoneOffsetMinutes(context.timeZone ?? 'UTC', context.now);
  const results = chrono.parse(
    said,
    { instant: context.now, timezone: offset },
    { forwardDate: true },
  );
  const found = results.find(
    (result) =>
      // "My last day is the 12th": the notice's end, not yesterday.
      !/^last day$/i.test(result.text) &&
      (result.start.isCertain('month') ||
        result.start.isCertain('weekday') ||
        result.start.isCertain('day')),
  );
  const local = (date: Date): number => {
    const shifted = new Date(date.getTime() + offset * 60_000);
    return Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
  };
  const today = local(context.now);
  let day: number;
  let isMonthSaid: boolean;
  if (found !== undefined) {
    day = local(found.start.date());
    isMonthSaid = found.start.isCertain('month');
  } else {
    // "the 12th" alone, which chrono leaves: a day of this month.
    const ordinal = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/.exec(said);
    const dayOfMonth = Number(ordinal?.[1] ?? 0);
    if (dayOfMonth < 1 || dayOfMonth > 31) return null;
    const now = new Date(today);
    day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), dayOfMonth);
    isMonthSaid = false;
  }
  // The 12th said on the 25th is next month's 12th, not a date gone by (which read as "no wait at
  // all"); a date gone by with its month said is no answer.
  if (day < today && !isMonthSaid) {
    const next = new Date(day);
    next.setUTCMonth(next.getUTCMonth() + 1);
    day = next.getTime();
  }
  if (day < today) return null;
  return Math.round((day - today) / DAY_MS);
}

// ---------------------------------------------------------------- text

/**
 * A free-text answer that addresses the question: it shares a word (or a related one) with it,
 * names a day for a question about days, a credential for one about certifications, or says
 * plainly that there is none. Null when it hedges or is about something else.
 */
function readTextAnswer(question: string, text: string): string | null {
  const said = clean(text);
  if (said.replace(/[^a-z0-9]/g, '') === '' || isQuestionLike(text)) return null;
  const words = said.split(/\s+/).filter(Boolean);
  if (HEDGES.test(said) && words.length < 6) return null;
  if (
    /^(um+|uh+|hmm+|er+|ah+|good question|what do you mean|i don'?t know( yet)?|not sure)\W*$/.test(
      said.replace(/^(hmm+|um+) /, ''),
    )
  )
    return null;
  if (/^(hmm+|um+|uh+)\b/.test(said) && words.length <= 3) return null;
  const lowerQuestion = question.toLowerCase();
  if (
    /\b(day|days|week|schedule|shift|available|availability)\b/.test(lowerQuestion) &&
    /\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekdays?\b|\bweekends?\b|\bevery day\b|\bany day\b|\bfull time\b|\bpart time\b/.test(
      said,
    )
  ) {
    return text.trim();
  }
  if (
    /\b(certif|licen|credential|qualif)/.test(lowerQuestion) &&
    (/\b[A-Z]{2,6}\b/.test(text) ||
      /\b(certif|licen|none|don'?t have|no certif|not (yet )?certified|working on)/.test(said))
  ) {
    return text.trim();
  }
  if (isSmallTalk(said)) return null;
  if (hasTopicWord(question, said) || hasStemOverlap(question, said)) return text.trim();
  // An open question ("Why this role?") is answered by any plain statement.
  if (questionTopics(question).size === 0 && words.length >= 2 && !HEDGES.test(said))
    return text.trim();
  return null;
}

/** Shares a word stem of five letters or more with the question ("certified" ~ "certifications"). */
function hasStemOverlap(question: string, said: string): boolean {
  const stems = (value: string): Set<string> =>
    new Set(
      value
        .toLowerCase()
        .match(/[a-z]{5,}/g)
        ?.map((word) => word.slice(0, 6)) ?? [],
    );
  const asked = stems(question);
  for (const generic of ['which', 'would', 'could', 'about', 'there', 'where'])
    asked.delete(generic);
  return [...stems(said)].some((stem) => asked.has(stem));
}
