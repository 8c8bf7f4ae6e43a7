import { extractKnockoutAnswer, extractYesNo, isVague } from './baseline-extract-answer.js';
import type { InterviewPlan } from '../../interview-plan.js';
import type { Responder, ResponderReply, ResponderRequest } from '../../responder.js';
import { forTheEar } from '../../speech.js';
import { keywordStems, normalise, sentences, words } from '../../text-analysis.js';

const OPT_OUT =
  /\b(stop calling|don'?t (ever )?call (me|this number)|do not call|never call me|never call|remove (me|my number)|take me off|unsubscribe|stop contacting|lose my number|put me on (your|the) do not call)/i;
const DECLINE_RECORDING =
  /\b((don'?t|do not|please don'?t|rather you didn'?t|prefer (you )?(not|didn'?t)) (want (to be |it |this )?|)record|(not|never) (ok|okay|comfortable|happy|fine) (with|about) (being |the |this )?record|(no|stop( the)?|turn off( the)?) recording|(not|don'?t) (want to )?be(ing)? recorded|object to (being |the )?record)/i;
const WRONG_PERSON =
  /\b(wrong (number|person)|no ?one (here )?(by|with|named|called) that name|nobody (here )?(by|named|called|with)|there'?s no(body| one)? .{0,40}here|you('ve| have)? (got|dialed|called) the wrong|i'?m not (him|her|them|the person))/i;
const NOT_GOOD_TIME =
  /\b(not a good time|bad time|not now|busy (right )?now|i'?m busy|can'?t talk|cannot talk|call (me )?(back )?later|call me back|call back|in a meeting|i'?m driving|another time|some other time|later would be better|not right now)\b/i;
const REPEAT =
  /\b(repeat|say (that|it) again|didn'?t (catch|hear|get) (that|you|it)|come again|pardon|what was the question|one more time|say again)\b/i;
const QUESTION_START =
  /^(what|how|when|where|who|why|which|is|are|does|do|can|could|will|would|should|may|did|was)\b/i;
const DONE =
  /\b(no(,)? (more )?(questions|that'?s (all|it))|that'?s (all|it|everything)|nothing( else)?|i'?m good|all good|no,? thanks?|i'?m all set)\b/i;

/** True when the turn asks something (a question mark, or a sentence that starts like a question). */
export function isQuestion(text: string): boolean {
  const parts = sentences(normalise(text));
  return parts.some(
    (part) =>
      part.endsWith('?') ||
      (QUESTION_START.test(part) && part.split(' ').length > 3 && !/[.!]$/.test(part)),
  );
}

/**
 * Answers a candidate's question from the job description: the sentence that shares the most
 * meaningful words with it, or null when none does (the question is then noted for the recruiter).
 */
export function answerFromJob(plan: InterviewPlan, question: string): string | null {
  const asked = keywordStems(question);
  for (const generic of ['role', 'job', 'posit', 'compa', 'team', 'work']) asked.delete(generic);
  if (asked.size === 0) return null;
  let best: { sentence: string; hits: number } | null = null;
  for (const sentence of sentences(plan.jobDescription)) {
    const stems = keywordStems(sentence);
    const hits = [...asked].filter((item) => stems.has(item)).length;
    if (hits > 0 && (best === null || hits > best.hits)) best = { sentence, hits };
  }
  return best === null ? null : forTheEar(best.sentence);
}

/** Classifies a turn with fixed rules; deterministic, offline, the default and what tests use. */
export function interpretScripted(request: ResponderRequest): ResponderReply {
  const text = normalise(request.candidateText);
  const reply = (
    intent: ResponderReply['intent'],
    answerToQuestion: string | null = null,
  ): ResponderReply => ({
    intent,
    acknowledgement: null,
    answerToQuestion,
  });
  if (OPT_OUT.test(text)) return reply('opt_out');
  if (DECLINE_RECORDING.test(text)) return reply('decline_recording');
  if (WRONG_PERSON.test(text)) return reply('wrong_person');
  const { step } = request;
  if (request.isAwaitingCallbackTime) return reply('callback_time');
  if (
    NOT_GOOD_TIME.test(text) &&
    (step.kind === 'opening' || step.kind === 'identity' || words(text).length < 25)
  ) {
    return reply('not_good_time');
  }
  if (REPEAT.test(text) && words(text).length <= 12) return reply('repeat');

  if (step.kind === 'identity') {
    const yes = extractYesNo(text);
    if (yes === false) return reply('wrong_person');
    if (
      yes === true ||
      (request.plan.candidateFirstName !== null &&
        words(text).includes(request.plan.candidateFirstName.toLowerCase()))
    )
      return reply('answer');
    if (/\b(speaking|that'?s me|it'?s me|this is (he|she|me))\b/i.test(text))
      return reply('answer');
    return reply(
      isQuestion(text) ? 'question' : 'vague',
      isQuestion(text) ? answerFromJob(request.plan, text) : null,
    );
  }
  if (step.kind === 'opening') {
    const yes = extractYesNo(text);
    if (yes === false) return reply('not_good_time');
    if (yes === true || /\b(go ahead|fire away|sounds good|go on)\b/i.test(text))
      return reply('answer');
    if (isQuestion(text)) return reply('question', answerFromJob(request.plan, text));
    return reply('vague');
  }
  if (step.kind === 'candidate_questions') {
    if (isQuestion(text)) return reply('question', answerFromJob(request.plan, text));
    if (DONE.test(text) || extractYesNo(text) === false) return reply('decline');
    return reply('vague');
  }
  // A knock-out or tailored question: a question of their own comes first, then the answer.
  const lastSentence = sentences(text).at(-1) ?? '';
  if (isQuestion(lastSentence)) return reply('question', answerFromJob(request.plan, lastSentence));
  if (step.kind === 'knockout') {
    const knockout = request.plan.knockouts.find((item) => item.id === step.knockoutId);
    if (knockout !== undefined) {
      const answer = extractKnockoutAnswer(knockout, text, 'probe', new Date(0));
      if (answer.value !== null) return reply('answer');
    }
    // An answer we cannot read ("green card holder") earns the gentle follow-up, never "off topic".
    return reply('vague');
  }
  if (isVague(text) && words(text).length < 12) return reply('vague');
  if (words(text).length < 4) return reply('vague');
  if (isOffTopic(text, step.prompt)) return reply('off_topic');
  return reply('answer');
}

const WORK_WORDS = keywordStems(
  'i we built build worked work team project system service services code design led lead managed production customers users data',
);

/** No word in common with the question and none about work: talking about something else. */
function isOffTopic(text: string, prompt: string): boolean {
  const said = keywordStems(text);
  const asked = keywordStems(prompt);
  const sharesQuestion = [...said].some((item) => asked.has(item));
  const talksWork =
    [...said].some((item) => WORK_WORDS.has(item)) || /\b(i|we|my|our)\b/i.test(text);
  return !sharesQuestion && !talksWork;
}

/** The scripted responder behind the `Responder` interface. */
export function createScriptedResponder(): Responder {
  return {
    name: 'scripted',
    interpret: (request) => Promise.resolve(interpretScripted(request)),
  };
}
