/** Small helpers on the raw words of an utterance, before any NLP. */

const CONTRACTIONS: [RegExp, string][] = [
  [/\bdont\b/g, "don't"],
  [/\bcant\b/g, "can't"],
  [/\bwont\b/g, "won't"],
  [/\bim\b/g, "i'm"],
  [/\bive\b/g, "i've"],
  [/\bid\b/g, "i'd"],
  [/\bisnt\b/g, "isn't"],
  [/\bdoesnt\b/g, "doesn't"],
  [/\bdidnt\b/g, "didn't"],
  [/\bwouldnt\b/g, "wouldn't"],
  [/\bcouldnt\b/g, "couldn't"],
  [/\bshouldnt\b/g, "shouldn't"],
  [/\bhavent\b/g, "haven't"],
  [/\bhasnt\b/g, "hasn't"],
  [/\barent\b/g, "aren't"],
  [/\bwasnt\b/g, "wasn't"],
  [/\bthats\b/g, "that's"],
  [/\bwhats\b/g, "what's"],
  [/\bhes\b/g, "he's"],
  [/\bshes\b/g, "she's"],
  [/\btheres\b/g, "there's"],
  [/\bits\b/g, "it's"],
  [/\bthru\b/g, 'through'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
];

/** Lower-case, one kind of apostrophe, contractions as written by speech-to-text restored, single spaces. */
export function clean(text: string): string {
  let result = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, replacement] of CONTRACTIONS) result = result.replace(pattern, replacement);
  return result;
}

const QUESTION_START =
  /^(what|what's|how|how's|when|when's|where|where's|who|who's|whom|why|which|is|are|does|do|can|could|will|would|should|may|did|was|were)\b/;

/** Words people say before a question ("wait", "sorry", "and", "quick question"). */
const LEAD_IN =
  /^((wait|sorry|um+|uh+|so|and|but|oh|hey|well|also|actually|ok(ay)?|alright|quick question|one question|just curious|out of curiosity|hold on)[ ,]+)+/;

/** True when the turn asks something: a question mark, or a sentence that starts like a question. */
export function isQuestionLike(text: string): boolean {
  const said = clean(text);
  if (said.includes('?')) return true;
  const parts = said
    .split(/[.!;]\s*|,\s*(?=(what|how|when|where|who|which|is|are|does|do|can|could)\b)/)
    .filter(Boolean);
  return parts.some((part) => {
    // Speech-to-text writes no question mark and keeps the run-up: "wait who is this again".
    const asked = part.trim().replace(LEAD_IN, '');
    return QUESTION_START.test(asked) && asked.split(' ').length >= 3;
  });
}

const HEDGE =
  /\b(maybe|perhaps|possibly|might|not sure|unsure|no idea|don'?t know|depends|hard to say|i guess|we'?ll see|hopefully|i think|probably)\b/;

/** The answer hedges ("maybe", "it depends", "I think"). */
export function hasHedge(text: string): boolean {
  return HEDGE.test(clean(text));
}

const SMALL_TALK =
  /\b(weather|windy|snow|rain|raining|cold|hot out|game|football|soccer|basketball|baseball|dog|cat|coffee|pancakes?|breakfast|lawn|neighbor|my truck|my car|weird noise|the lake|movie|tv show|kids? (has|have) a)\b/;

/** Talk about something else entirely: the weather, last night's game, the dog. */
export function isSmallTalk(text: string): boolean {
  return SMALL_TALK.test(clean(text));
}
