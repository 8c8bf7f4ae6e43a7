/** Small, deterministic text tools shared by the scripted responder, extraction and scoring. */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have how i if in ' +
    'into is it its just me my of on or our so than that the their them then there these they this to too ' +
    'us very was we were what when where which who why will with would you your yours about also any some ' +
    'such other others more most much many own same should shall may might must not no nor only over under ' +
    'again once here all both each few while during before after above below between up down out off'
  ).split(' '),
);

/** Lower-case words of a text, without punctuation. */
/** The candidate tells what they did themselves ("I built", "we cut", "I've led"). */
export const OWN_ACTION =
  /\b(i|we)('ve|'d| have| had)? (\w+ed|built|rebuilt|led|ran|run|wrote|rewrote|made|grew|took|drove|taught|found|set|cut|oversaw|won|assign|coach|train|lead|manage|handle|own|do|did|work|drive|code|appeal|fix|design|review|mentor|keep|kept)\b/i;

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9+#.'-]*[a-z0-9+#]|[a-z0-9]/g) ?? [];
}

/** A crude stem: the first five letters, so mentor/mentored/mentoring meet. */
export function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/** Distinct stems of the meaningful words of a text. */
export function keywordStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .map(stem),
  );
}

/** Sentences of a text, each an exact substring of it (for verbatim quotes). */
export function sentences(text: string): string[] {
  // A full stop inside a word (Node.js, p95.5) does not end a sentence; one before a space does.
  const found = text.match(/(?:[^.!?]|[.!?](?![\s"')]|$))+(?:[.!?]+|$)/g) ?? [];
  return found.map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
}

/** Apostrophes as typed and as speech-to-text writes them, made one. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only, lower-cased: "Type Script", "typescript" and "TypeScript" meet. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a candidate's words name a term from their resume, as speech-to-text may write it:
 * spaced ("type script"), or shortened to a word that starts it ("Postgres" for PostgreSQL, "Node"
 * for Node.js). A term too short to tell apart ("C", "Go", "R") always counts as named.
 */
export function namesTerm(text: string, term: string): boolean {
  const wanted = compact(term);
  if (wanted.length < 3) return true;
  if (compact(text).includes(wanted)) return true;
  return words(text).some((word) => {
    const said = compact(word);
    return said.length >= 4 && wanted.startsWith(said) && said.length >= wanted.length * 0.6;
  });
}
