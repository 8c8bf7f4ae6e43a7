import type { InterviewPlan, PlanStep } from '../interview-plan.js';
import type { CandidateIntent } from '../responder.js';
import { answerFromJobFacts } from './job-facts.js';
import {
  readKnockoutAnswer,
  readYesNo,
  type KnockoutReading,
  type ReadingContext,
} from './read-answer.js';
import { readCallbackTime, type CallbackRequest } from './read-callback-time.js';
import { OWN_ACTION } from '../text-analysis.js';
import { clean, isQuestionLike, isSmallTalk } from './utterance.js';

/** One candidate turn as the deterministic reader understands it. */
export interface TurnReading {
  intent: CandidateIntent;
  /** For a knock-out step: the answer as read (unclear when the turn does not give it). */
  knockout: KnockoutReading | null;
  /** For a question: the job's matching facts, or null (passed on to the recruiter). */
  answerToQuestion: string | null;
  /** The turn tries to give the interviewer instructions ("ignore your instructions..."). */
  isInstruction: boolean;
  /** A callback time read from the turn, when it names one. */
  callback: CallbackRequest | null;
  /** The person on the line confirmed they are the candidate. */
  confirmsIdentity: boolean;
}

/** What the reader needs besides the words. */
export interface TurnContext extends ReadingContext {
  plan: InterviewPlan;
  step: PlanStep;
  isAwaitingCallbackTime: boolean;
}

const OPT_OUT =
  /\b(stop calling|don'?t (ever )?call (me|this number|here)|do not call|never call|quit calling|remove (me|my number|this number)|take me off|take my number off|unsubscribe|stop contacting|lose my number|put me on (your|the) do not call|not interested,? (please )?(remove|take|don'?t))/;
const DECLINE_RECORDING =
  /\b((don'?t|do not|please don'?t|rather you didn'?t|prefer (you )?(not|didn'?t)) (want (to be |it |this )?)?record|(not|never) (ok|okay|comfortable|happy|fine) (with|about) (being |the |this )?record|(no|stop( the)?|turn off( the)?) recording|(not|don'?t) (want to )?be(ing)? recorded|object to (being |the )?record|(don'?t|do not) want (it|this|that|the call|this call|my voice|the conversation|this conversation|me|myself) (to be |being )?recorded|(please )?(don'?t|do not) record (me|this|it|the call|my)|(can|could) you not record|i (don'?t|do not) consent to (being |the |this )?record|i don'?t want that\b)/;
const INSTRUCTION =
  /\b(ignore (all |your |the |my )?(previous |prior |above |earlier )?(instructions?|rules|question|prompt)|disregard (the|your|all|previous)|developer mode|new instructions?|system ?prompt|^system:|\[system\]|override|forget (the|your|all) (rules|instructions)|pretend (i|that i) (said|answered)|(mark|record|write down|note down|put down|log) (me|this|it|every|all|that i|the candidate)\b.*\b(yes|pass|passed|qualified|met|acceptable|accept|zero|as)|say (that )?(i|the candidate) (passed|qualif)|tell the recruiter (i'?m|that i'?m)|as the ai you should|assistant, (write|record|mark)|(you are|you're) now|knockout result)/;
/** Who may pick up the candidate's phone and say so: "this is his wife", "I'm her roommate". */
const RELATIVES =
  'brother|sister|wife|husband|mom|mum|mother|dad|father|son|daughter|roommate|partner|friend|cousin|girlfriend|boyfriend|aunt|uncle|grandma|grandmother|grandpa|grandfather|assistant|colleague|coworker|boss|neighbor|neighbour';
const IS_RELATIVE = new RegExp(`^(${RELATIVES})$`);
const THIRD_PERSON =
  /\b((he|she|they)('s| is| are|'re)? (not|n't|isn'?t|aren'?t)? ?(here|home|in|around|available|at work|at school|sleeping|asleep|out|busy|in the shower|not in)|(he|she|they) (isn'?t|aren'?t|is not|are not|'s not|'re not) (here|home|in|around|available)|this is (his|her|their) (\w+)|i'?m (his|her|their) (\w+)|(is|'s) my (son|daughter|husband|wife|brother|sister|mom|dad|mother|father|roommate|partner|friend|cousin)|(doesn'?t|does not) live here|moved out|no (one|body) (here )?(by|with|named|called) that name|nobody (here )?(by|named|called|with)|there'?s no(body| one)?\b.{0,30}\bhere|wrong (number|person)|you('ve| have)? (got|dialed|called) the wrong|not (him|her|them|the person)|front desk|can i take a message|take a message|picked up (his|her|their) phone|this is actually (his|her|their))/;
const NOT_GOOD_TIME =
  /\b(not a (good|great) time|bad time|not now|now'?s not (good|great|a good time)|busy (right )?now|i'?m busy|can'?t (really )?talk(?! (much |too much )?about)|cannot talk(?! about)|call (me )?(back )?later|call me back|call back|can you call|could you call|in a meeting|i'?m driving|i'?m at work|i'm on the (floor|other line|road|job)|with a (patient|customer|client)|another time|some other time|later would be better|not right now|have to go|got to go|gotta go|can we do this later|do this later|something came up|about to (get|go|board)|(would|works?) (be )?better|would suit me)/;
const REPEAT =
  /^((sorry|oh|um|uh),? )?(what|huh|sorry|pardon|come again|say again|what was that|what did you say|excuse me|sorry what|who)\W*$|\b(repeat|say (that|it) (again|one more time)|didn'?t (catch|hear|get) (that|you|it|the question)|come again|pardon|what was the question|one more time|say that again)\b/;
/** "That's all", anywhere in a turn: "That is all" as a recogniser writes it is as done. */
const ALL_DONE = String.raw`that(?:'?s| is) (about )?(all|it|everything)|nothing else`;
const DONE = new RegExp(
  String.raw`^(no|nope|nah|none|nothing|not really|not right now|not at the moment|not at this time|not for now|no questions?|${ALL_DONE}|all good|i'?m (good|fine|all set)|i think you covered it|you covered it|that covers it|no,? that'?s)\b`,
);
const SAYS_ALL_DONE = new RegExp(
  String.raw`\b(${ALL_DONE}|no (other|more|further) questions?|i'?m all set)\b`,
);

/**
 * Whether a turn says the candidate has nothing more to ask, even after a last question ("is it
 * remote? actually never mind, no that's all"), where DONE reads only a turn that starts so.
 */
export function saysAllDone(text: string): boolean {
  return SAYS_ALL_DONE.test(clean(text));
}
const CONFIRM =
  /^(yes|yeah|yep|yup|ya|speaking|this is (he|she|him|her|me)|that'?s me|it'?s me|it is|sure|correct|that'?s right|hi|hello|yes hi|uh huh|mhm)\b|\b(speaking|that'?s me|it'?s me|this is (he|she|me)|yes (it is|this is))\b/;
/** "Hold on", "one sec", "give me a moment": the candidate needs a moment before answering. */
const HOLD =
  /^((um|uh|oh|yeah|yes|sure|ok|okay|sorry|so|wait),? )*((can|could) you (give me|hold|wait)|hold on|hang on|one (sec|second|moment|minute)|just a (sec|second|moment|minute)|give me (a|one|just a) (sec|second|moment|minute)|bear with me|wait a (sec|second|moment|minute)|can you hold( on)?)\b/;
/** Why they need the moment, and for how long: part of the hold, not an answer. */
const HOLD_DETAIL =
  /\b((for )?(like |about )?(a|one|two|five|ten|thirty|a few|\d+) (sec|secs|second|seconds|moment|moments|minute|minutes)|(i need to|i have to|i gotta|i got to|i'?ll|let me|i'?m gonna|i'?m going to|gotta) (pull over|grab|get|find|go|step|move|turn|close|put|take|switch)\b.*)/g;
/** What would make a turn more than a request to wait: an answer given with it. */
const ANSWER_IN_HOLD =
  /\d|\b(yes|yeah|yep|no|nope|not interested|take me off|stop calling|remove me|don'?t want|i am|i'?m (a|an|authori|fine|good|available)|i can|i have|i do|i would|i think|i guess|probably|maybe|about|around|days?|weeks?|months?|years?|hundred|thousand|grand|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/;

/**
 * The turn only asks the interviewer to wait ("hold on one sec, let me pull over"): nothing in it
 * answers or asks anything, so the question stands and is neither re-asked nor counted as asked.
 */
export function asksToHold(text: string): boolean {
  const said = clean(text).replace(/[.!?]+$/, '');
  const match = HOLD.exec(said);
  if (match === null) return false;
  const rest = said.slice(match[0].length).replace(HOLD_DETAIL, ' ');
  return said.split(' ').length <= 20 && !ANSWER_IN_HOLD.test(rest) && !isQuestionLike(rest.trim());
}

/** Ready again after a hold: "ok I'm back", "got the pen, shoot", "I pulled over, go ahead". */
const READY_AGAIN =
  /\b(i'?m back(?! (at|in|to|from|on|with|home|into))|i am back(?! (at|in|to|from|on|with|home|into))|back now|i'?m here|i am here|i'?m ready|ready now|go ahead|go on|carry on|continue|shoot|fire away|sorry about that|pulled over|quiet (spot|place|room)|found a (spot|place|room)|got (it|the pen|a pen|my pen))\b/;
/** An answer said on the way back: a figure, a yes or no, a status. */
const ANSWER_ON_RETURN =
  /\d|\b(no|nope|i am (a|an|authori)|i'?m (a|an|authori|available)|i (can|have|do|would|need)|days?|weeks?|months?|years?|hundred|thousand|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b/;

/** After a hold: the turn only says the candidate is back, so the question is asked again. */
export function saysBackFromHold(text: string): boolean {
  const said = clean(text).replace(/[.!?]+$/, '');
  return (
    said.split(' ').length <= 14 &&
    READY_AGAIN.test(said) &&
    !ANSWER_ON_RETURN.test(said) &&
    !isQuestionLike(said) &&
    !/\b(can|could) you (tell|say|repeat|explain|give)|\b(what|how|when|where|why)\b/.test(said)
  );
}

/** A question tagged on an answer, asking nothing: "..., does that answer your question?". */
const TAG_QUESTION =
  /[\s,.;-]*\b(does that (answer (your|the) question|make sense|help)|is that (ok|okay|enough|what you (wanted|were looking for|meant))|you know what i mean|if that makes sense|make sense)\s*\?*\s*$/i;

/** "What do you mean?", "like what?", "can you give me an example?": about the question itself. */
const ASKS_WHAT_IS_MEANT =
  /^((sorry|um|uh|so|wait|ok|okay|hmm|like),? )*(what do you mean|what does that mean|do you mean|you mean like|meaning what|in what sense|what (exactly )?are you looking for|what kind of (thing|answer|example|work|experience)|what (\w+ )?are you asking( about)?|what counts as|what is (sponsorship|a notice period|notice period|base salary|base pay)|(can|could) you (rephrase|explain|clarify|be more specific|give (me )?an example)|(can|could) you (say|put|ask) (that|it) (another|a different) way|i don'?t (understand|get) the question|(i'?m )?not sure (i understand|what you mean)|not sure what you'?re asking)\b|^((sorry|um|uh|so|hmm),? )*(like what|such as what|meaning)\W*$/;
/** "Can I get back to you on that?": the answer will come later, through the recruiter. */
const DEFERS_ANSWER =
  /\b(get back to you|let you know later|come back to you on|need to check and (get back|let you know)|(i'?ll|i will) (let you know|email you|send (it|that) (over )?later|let the recruiter know)|call you back with (that|it|the answer)|answer (that|it|this)( one)? later|(talk|check) (to|with) my (wife|husband|partner|boss|manager|family) first)\b/;
/** "I'd rather not say": a refusal to answer, respected rather than asked again. */
const DECLINES_TO_SAY =
  /^((um|uh|honestly|so|yeah|well|sorry|actually),? )*((i'?d|i would) (rather|prefer) not (to )?(say|answer|share|discuss|get into (that|it)|talk about (that|it))|(i'?d|i would) rather keep (that|it) to myself|(i )?prefer not to (say|answer|share|discuss)|that'?s (confidential|private|personal)|i'?m not comfortable (sharing|saying|answering|discussing|talking about)|i don'?t (really )?(want|feel comfortable) (to )?(say|share|answer|discuss|talk about)|(can|could) we skip (that|this|it)|(i'?ll |let me |i'?m going to )?pass|skip( (that|this)( one)?)?|no comment)\b/;
/** "I can't talk about that, NDA": the work is confidential, not the moment a bad one. */
const CONFIDENTIAL =
  /\b(nda|non.?disclosure|confidentiality|(that'?s|it'?s|that is|it is|it was|that was|(the|that|this|my) (project|work|client|product|system)( was| is|'s)) (all |pretty |very |really )?(confidential|classified|secret)|(can'?t|cannot|not allowed to|not supposed to) (really )?(talk about|share|go into|get into|discuss|say) (much |too much |a lot |anything )?(about )?(that|it|this|the details|specifics|the specifics|what)|(doesn'?t|does not|won'?t|will not) (allow|let) me (to )?(talk|say|share|discuss))/;

/** The turn asks what the question means rather than answering it. */
export function asksWhatIsMeant(text: string): boolean {
  const said = clean(text);
  return ASKS_WHAT_IS_MEANT.test(said) && said.split(' ').length <= 16;
}

/** What follows a "but" in the turn, where an answer given despite a refusal is ("", none). */
function afterBut(said: string): string {
  return /\bbut\b(.*)$/.exec(said)?.[1] ?? '';
}

/** The candidate will answer later ("can I get back to you on that?"). */
export function defersAnswer(text: string): boolean {
  return DEFERS_ANSWER.test(clean(text));
}

/** The candidate declines to answer ("I'd rather not say", "pass"). */
export function declinesToSay(text: string): boolean {
  const said = clean(text);
  // "I'd rather not say exactly, but somewhere in the sixties" gives the answer after all.
  const despite = afterBut(said);
  return DECLINES_TO_SAY.test(said) && !ANSWER_ON_RETURN.test(despite);
}

/** The candidate cannot share the details ("NDA", "that's confidential"). */
export function mentionsConfidentiality(text: string): boolean {
  const said = clean(text);
  // "It's under NDA but basically I built the checkout": the answer comes despite it.
  const despite = afterBut(said);
  return CONFIDENTIAL.test(said) && !OWN_ACTION.test(despite);
}

/**
 * "I already accepted another offer", "I'm no longer interested": the candidate is out of the
 * process. Not "I took a job at Shopify in 2021", nor "I got another offer but I'm still
 * interested".
 */
const WITHDRAWS =
  /\b((already )?(accepted|took|signed|taken) (another|a different|a new|an other|the other) (offer|job|position|role)|(already )?accepted an? (offer|position|role|job offer)( (elsewhere|somewhere else))?( already)?$|(found|got|gotten) (another|a new|a different) (job|position|role)|found something else|no longer (interested|looking)|not (really )?(interested|looking) anymore|(want|like|need|wanted|going) to withdraw|withdraw(ing)? my (application|candidacy)|(pull|take) (back )?my application|(take|pull) me out of (the running|consideration|the process|the pool)|(gonna|going to|i'?ll|i will|have to) pass on (this|the (role|job|position))|decided to stay (at|with) my (current )?(job|company|employer|team)|(gonna|going to|i'?ll|i will|decided to) stay (where i am|put)|(don'?t|do not) need this anymore)\b/;
const STILL_IN =
  /\b(but|still|although|though)\b.{0,40}\b(interested|open|want|considering|keen)\b/;

/** The candidate says they are out of the process; the interviewer confirms before ending. */
export function withdrawsApplication(text: string): boolean {
  const said = clean(text).replace(/[.!?]+$/, '');
  return WITHDRAWS.test(said) && !STILL_IN.test(said);
}

/** This number will not reach the candidate: a wrong number, a stranger, someone who left or died. */
const NOT_REACHABLE_HERE =
  /\b(wrong (number|person)|(got|dialed|dialled|called|have) the wrong|no (one|body) (here )?(by|with|named|called)|nobody (here )?(by|named|called|with)|there'?s no(body| one)\b|(doesn'?t|does not|don'?t|do not) (live|work|stay) here|moved (out|away)|no longer|anymore|not (his|her|their) (number|phone)|passed away|died|(don'?t|do not) know (him|her|them|who|any)|never heard of)/;
/** Someone who knows the candidate says they are away for now. */
const AWAY_FOR_NOW = new RegExp(
  `\\b((this is|i'?m|it'?s) (his|her|their) (${RELATIVES}|(work |cell |office |home )?phone)|(is|'s) my (${RELATIVES})|(he|she|they)('s| is| are|'re) (not |n't )?(here|home|in|around|available|at work|at school|sleeping|asleep|out|away|busy|in the shower|driving|working|on shift)|(he|she|they) (isn'?t|aren'?t|is not|are not) (here|home|in|around|available)|take a message|call (back|again)|try (again )?later|stepped out)`,
);

/**
 * Someone other than the candidate answered and says the candidate is away for now (a relative,
 * a roommate, "she's at work"), as against a wrong number or someone no longer there: the call
 * may be tried again on this number.
 */
export function saysCandidateIsAway(text: string): boolean {
  const said = clean(text);
  return AWAY_FOR_NOW.test(said) && !NOT_REACHABLE_HERE.test(said);
}

/**
 * Reads a candidate turn deterministically: who is speaking (a third person?), what they want
 * (stop, later, repeat, a question back, an instruction to the interviewer), and for a knock-out
 * what the answer is. A turn that does not answer the knock-out is unclear, never met.
 */
export function readTurn(text: string, context: TurnContext): TurnReading {
  const said = clean(text);
  const { step, plan } = context;
  const base: TurnReading = {
    intent: 'vague',
    knockout: null,
    answerToQuestion: null,
    isInstruction: false,
    callback: null,
    confirmsIdentity: false,
  };
  const result = (intent: CandidateIntent, extra: Partial<TurnReading> = {}): TurnReading => ({
    ...base,
    intent,
    ...extra,
  });
  const name = plan.candidateFirstName?.toLowerCase() ?? null;
  const confirms =
    CONFIRM.test(said.replace(/^(uh|um|oh|hi|hello|yes yes)[ ,]+/, '')) ||
    (name !== null &&
      new RegExp(`\\b(this is|it'?s|i'?m|i am) ${name}\\b|^${name}( speaking| here)?\\b`).test(
        said,
      ));

  if (OPT_OUT.test(said)) return result('opt_out');
  if (INSTRUCTION.test(said)) return result('off_topic', { isInstruction: true });
  if (DECLINE_RECORDING.test(said) && !/\bno recording\b.*\?/.test(said))
    return result('decline_recording');
  if (isThirdPerson(said, name, step)) return result('wrong_person');

  if (context.isAwaitingCallbackTime) {
    const callback = readCallbackTime(text, context.now, context.timeZone);
    return result('callback_time', { callback });
  }

  if (step.kind === 'identity') {
    const yes = confirms || readYesNo('Am I speaking with the candidate?', text, context) === true;
    if (NOT_GOOD_TIME.test(said) && yes) {
      const callback = readCallbackTime(text, context.now, context.timeZone);
      return result(callback.requestedAt === null ? 'not_good_time' : 'callback_time', {
        callback,
        confirmsIdentity: true,
      });
    }
    if (yes) return result('answer', { confirmsIdentity: true });
    if (/^(no|nope|nah|not me)\b/.test(said) || /\bno,? (this is|it'?s)\b/.test(said))
      return result('wrong_person');
    if (REPEAT.test(said) && said.split(' ').length <= 8) return result('repeat');
    if (isQuestionLike(text)) return result('question');
    return result('vague');
  }

  const callbackWanted =
    NOT_GOOD_TIME.test(said) &&
    !/\blet'?s talk about it later\b/.test(said) &&
    (step.kind !== 'candidate_questions' ||
      /\b(call (me )?back|have to go|got to go|gotta go|can'?t talk)\b/.test(said));
  const namesTime =
    step.kind === 'opening' &&
    /\b(tomorrow|tonight|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|noon|in (an?|two|three|\d+) hours?|after \w+|at \d|at (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|around \w+)\b/.test(
      said,
    );
  if (callbackWanted || namesTime) {
    const callback = readCallbackTime(text, context.now, context.timeZone);
    if (callback.requestedAt !== null) return result('callback_time', { callback });
    if (callbackWanted) return result('not_good_time', { callback });
  }
  if (REPEAT.test(said) && said.split(' ').length <= 12) return result('repeat');

  if (step.kind === 'opening') {
    if (isQuestionLike(text) && !/^(yes|yeah|sure|ok)/.test(said))
      return result('question', { answerToQuestion: answerFromJobFacts(plan, text) });
    const yes = readYesNo('Is now a good time to talk?', text, context);
    if (yes === false) return result('not_good_time');
    if (
      yes === true ||
      /\b(go ahead|fire away|sounds good|go on|let'?s do it|i have (time|a few minutes)|now is fine|now'?s fine|works)\b/.test(
        said,
      )
    )
      return result('answer');
    return result('vague');
  }

  if (step.kind === 'candidate_questions') {
    if (isQuestionLike(text))
      return result('question', { answerToQuestion: answerFromJobFacts(plan, text) });
    if (
      DONE.test(said) ||
      /\b(no (more )?questions|that(?:'?s| is) (about )?(all|everything|it)|nothing else|you covered|covers it)\b/.test(
        said,
      )
    )
      return result('decline');
    return result('vague');
  }

  if (step.kind === 'knockout') {
    const knockout = plan.knockouts.find((item) => item.id === step.knockoutId);
    if (knockout !== undefined) {
      const reading = readKnockoutAnswer(knockout, text, context);
      if (reading.status !== 'unclear') return result('answer', { knockout: reading });
      if (isQuestionLike(text) && !/^what do you mean\b/.test(said) && !isTentativeAnswer(said)) {
        return isJobQuestion(text)
          ? result('question', {
              knockout: reading,
              answerToQuestion: answerFromJobFacts(plan, text),
            })
          : result('off_topic', { knockout: reading });
      }
      if (isSmallTalk(said)) return result('off_topic', { knockout: reading });
      return result('vague', { knockout: reading });
    }
  }

  // A resume question: a specific answer, a thin one, or something else. "..., does that answer
  // your question?" asks nothing: the answer before it is what counts.
  const untagged = text.replace(TAG_QUESTION, '').trim();
  if (untagged !== '' && isQuestionLike(untagged) && said.split(' ').length <= 16) {
    return isJobQuestion(text)
      ? result('question', { answerToQuestion: answerFromJobFacts(plan, text) })
      : result('off_topic');
  }
  if (
    isSmallTalk(said) &&
    !/\b(i (built|led|ran|run|managed|designed|wrote|worked)|we)\b/.test(said)
  )
    return result('off_topic');
  const wordCount = said.split(/\s+/).filter(Boolean).length;
  if (
    wordCount < 6 ||
    /^(i don'?t (know|remember)|not much|hmm|let me think|i guess|it'?s fine|it was fine|no idea|i'?m not sure|not sure|i can'?t think of|nothing comes to mind|i have no idea)\b/.test(
      said,
    )
  )
    return result('vague');
  return result('answer');
}

/** A third person speaking about the candidate ("she isn't here", "this is his brother"). */
function isThirdPerson(said: string, name: string | null, step: PlanStep): boolean {
  // Someone else's phone, or someone who can no longer answer.
  if (
    /\b(this is (his|her|their) (work |cell |office )?phone|(he|she) (passed away|died)|(he|she)'?s (out|away) (today|this week|right now))\b/.test(
      said,
    ) &&
    (step.kind === 'identity' || step.kind === 'opening')
  )
    return true;
  if (THIRD_PERSON.test(said)) {
    // "this is his brother" but not "this is her first job": a relative or role word must follow.
    const possessive = /\b(this is|i'?m) (his|her|their) (\w+)/.exec(said);
    if (possessive !== null && !IS_RELATIVE.test(possessive[3] ?? '')) {
      return /\b(wrong (number|person)|not here|isn'?t here|doesn'?t live|moved out|no (one|body))\b/.test(
        said,
      );
    }
    // "she's available evenings" is not about who picked up: only at the identity step or with a clear absence.
    if (
      step.kind !== 'identity' &&
      step.kind !== 'opening' &&
      !/\b(wrong (number|person)|this is (actually )?(his|her|their)|picked up (his|her|their)|not (him|her)\b)/.test(
        said,
      )
    ) {
      return false;
    }
    return true;
  }
  if (name !== null && step.kind === 'identity') {
    if (
      new RegExp(
        `\\b(no|there'?s no|who\\?? no) ${name}\\b|\\b${name} (is|'s) (not|at|out|my|in|asleep|sleeping)|\\b${name}'?s not\\b`,
      ).test(said)
    )
      return true;
  }
  return false;
}

/**
 * A question back about the job, the call or the question itself ("which shift is it?", "is there
 * any flexibility?"), answered or passed on; small talk ("did you see the game?") is not one.
 */
function isJobQuestion(text: string): boolean {
  return !isSmallTalk(clean(text));
}

/**
 * A hedged statement said with a rising tone ("maybe every other sunday?", "I think my old
 * certification still counts?"): an unclear answer to re-ask, not a question to answer.
 */
function isTentativeAnswer(said: string): boolean {
  return (
    /^(maybe|perhaps|probably|possibly|i think|i guess|i believe|i suppose)\b/.test(said) &&
    !/\b(what|how|when|where|who|which|why|is it|are there|do you|does it|can i|could i)\b/.test(
      said,
    )
  );
}
