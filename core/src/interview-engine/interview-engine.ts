import { z } from 'zod';
import type { ConversationEndReason } from '../interviews/interview.js';
import type { Knockout } from '../jobs/job.js';
import { parseCallbackTime, type CallbackRequest } from './callback-time.js';
import {
  extractKnockoutAnswer,
  readKnockoutTurn,
  undeterminedAnswer,
  type KnockoutAnswer,
} from './extract-answer.js';
import type { InterviewPlan, PlanStep } from './interview-plan.js';
import type { Responder, ResponderReply } from './responder.js';
import { createScriptedResponder, interpretScripted } from './scripted-responder.js';
import { forTheEar } from './speech.js';
import { namesTerm, OWN_ACTION } from './text-analysis.js';
import { isAboutTheCaller } from './understanding/job-facts.js';
import {
  asksToHold,
  asksWhatIsMeant,
  declinesToSay,
  defersAnswer,
  mentionsConfidentiality,
  saysAllDone,
  saysBackFromHold,
  saysCandidateIsAway,
  withdrawsApplication,
} from './understanding/read-turn.js';
import { readYesNo } from './understanding/read-answer.js';
import { saysHowLong } from './understanding/spoken-numbers.js';

/** An answer the engine recorded: a knock-out (with its reading) or a tailored question. */
export type RecordedAnswer =
  | { kind: 'knockout'; stepId: string; answer: KnockoutAnswer }
  | { kind: 'question'; stepId: string; text: string; turnId: string; isVague: boolean };

/** What the caller must do besides saying the utterance. */
export type EngineAction =
  | { type: 'recordAnswer'; answer: RecordedAnswer }
  | { type: 'scheduleCallback'; callback: CallbackRequest; turnId: string }
  | { type: 'optOut'; turnId: string }
  /** LAW-5: the candidate declined the recording; stop it and keep no audio. */
  | { type: 'stopRecording'; turnId: string }
  | { type: 'noteQuestion'; question: string; turnId: string; isAnswered: boolean }
  | { type: 'endCall'; reason: ConversationEndReason };

/** One engine step: what the agent says next (null when nothing), and the actions. */
/** Whether an answer holds what its question asked for: the skill named, or how long. */
function holdsExpected(text: string, expects: NonNullable<PlanStep['expects']>): boolean {
  return expects.kind === 'skill' ? namesTerm(text, expects.name) : saysHowLong(text);
}

export interface EngineOutput {
  utterance: string | null;
  actions: EngineAction[];
  isEnded: boolean;
  /** The plan step now being asked (for the agent's tools and the UI). */
  stepId: string | null;
}

const ZRecordedAnswer = z.union([
  z.object({
    kind: z.literal('knockout'),
    stepId: z.string(),
    answer: z.object({
      knockoutId: z.string(),
      value: z.union([z.boolean(), z.number(), z.string(), z.null()]),
      range: z.object({ low: z.number(), high: z.number() }).nullable(),
      text: z.string(),
      turnId: z.string(),
      passed: z.boolean().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('question'),
    stepId: z.string(),
    text: z.string(),
    turnId: z.string(),
    isVague: z.boolean(),
  }),
]);

/** The engine's whole state: JSON, so an interrupted interview resumes where it stopped. */
export const ZEngineState = z.object({
  version: z.literal(1),
  stepIndex: z.number().int().min(0),
  isStarted: z.boolean(),
  isEnded: z.boolean(),
  endReason: z.string().nullable(),
  followUpsUsed: z.number().int().min(0),
  silencePrompts: z.number().int().min(0),
  isAwaitingCallbackTime: z.boolean(),
  candidateQuestions: z.number().int().min(0),
  /** The candidate declined the recording (states saved before it existed read as false). */
  isRecordingDeclined: z.boolean().default(false),
  /** How many times the current step has been asked; no step is asked more than twice. */
  asksOfStep: z.number().int().min(0).default(1),
  /** The person on the line said they are the candidate (nothing of the application before). */
  isIdentityConfirmed: z.boolean().default(false),
  /** Someone else answered and was asked when the candidate can be reached on this number. */
  isAskingWhenToReachCandidate: z.boolean().default(false),
  /** The candidate asked to hold ("one sec"): the question stands until they are back. */
  isHolding: z.boolean().default(false),
  /** The candidate said they are out of the process and was asked to confirm it. */
  isConfirmingWithdrawal: z.boolean().default(false),
  turnCount: z.number().int().min(0),
  startedAtMs: z.number().nullable(),
  lastUtterance: z.string(),
  answers: z.array(ZRecordedAnswer),
  recentTurns: z.array(z.object({ speaker: z.enum(['agent', 'candidate']), text: z.string() })),
});
export type EngineState = z.infer<typeof ZEngineState>;

export interface InterviewEngineOptions {
  responder?: Responder;
  /** Milliseconds since the epoch; injectable so tests and replays are deterministic. */
  now?: () => number;
  /** The conversation closes politely after this long (default fifteen minutes). */
  maxDurationMs?: number;
  /** Silence prompts before the call ends (default two). */
  maxSilencePrompts?: number;
  /** The candidate's IANA time zone, for reading callback times. */
  timeZone?: string;
  /** Questions of their own the candidate may ask before the close (default three). */
  maxCandidateQuestions?: number;
}

const ACKNOWLEDGEMENTS = [
  'Thank you.',
  'Got it.',
  'Thanks, that helps.',
  'Understood.',
  'Okay, thank you.',
];

/**
 * The first sentences of the engine's own replies that are not a question of the plan (a
 * callback, a question back, silence, the wrong person): prepared ahead like the questions, since
 * the first sentence is the one the candidate waits for. The likely-lines test fails on a new one.
 */
const WITHDRAWAL_QUESTION =
  'Just to be sure: would you like to withdraw your application, and end this screen here?';

const FIXED_OPENERS = [
  'No problem.',
  'Good question.',
  'Of course.',
  'It takes about ten minutes.',
  'I am sorry for the trouble.',
  'Are you still there?',
  'I still cannot hear you.',
  'I cannot hear you, so I will end the call here.',
  'Let us stay with the interview for now.',
  'Let us carry on.',
  'Sure, take your time.',
  'I am still here whenever you are ready.',
  'That is fine.',
  'Understood, nothing confidential is needed.',
  'Of course, let us carry on.',
  'Thank you for telling me.',
  'Thank you for letting us know.',
];

/** Whether a reader's value would meet the knock-out's rule. */
function isValueMet(knockout: Knockout, value: boolean | number | string): boolean {
  const { equals, min, max } = knockout.accept;
  if (typeof value === 'boolean') return equals === undefined || value === equals;
  if (typeof value === 'number') {
    return (min === undefined || value >= min) && (max === undefined || value <= max);
  }
  return value.trim() !== '';
}

/** A fresh state for a plan. */
export function initialEngineState(): EngineState {
  return {
    version: 1,
    stepIndex: 0,
    isStarted: false,
    isEnded: false,
    endReason: null,
    followUpsUsed: 0,
    silencePrompts: 0,
    isAwaitingCallbackTime: false,
    candidateQuestions: 0,
    isRecordingDeclined: false,
    asksOfStep: 1,
    isIdentityConfirmed: false,
    isAskingWhenToReachCandidate: false,
    isHolding: false,
    isConfirmingWithdrawal: false,
    turnCount: 0,
    startedAtMs: null,
    lastUtterance: '',
    answers: [],
    recentTurns: [],
  };
}

/**
 * The interviewer's policy: ask, listen, at most one follow-up on a vague answer, record, go on;
 * handles callbacks, wrong person, opt-out, repeat, silence, off-topic, questions and a time limit.
 * The responder reads each turn; the engine decides. `getState()` is plain JSON.
 */
export class InterviewEngine {
  private state: EngineState;
  private readonly responder: Responder;
  private readonly now: () => number;
  private readonly maxDurationMs: number;
  private readonly maxSilencePrompts: number;
  private readonly maxCandidateQuestions: number;
  private readonly timeZone: string;

  constructor(
    private readonly plan: InterviewPlan,
    options: InterviewEngineOptions = {},
    state?: EngineState,
  ) {
    this.state =
      state === undefined ? initialEngineState() : ZEngineState.parse(structuredClone(state));
    this.responder = options.responder ?? createScriptedResponder();
    this.now = options.now ?? Date.now;
    this.maxDurationMs = options.maxDurationMs ?? 15 * 60_000;
    this.maxSilencePrompts = options.maxSilencePrompts ?? 2;
    this.maxCandidateQuestions = options.maxCandidateQuestions ?? 3;
    this.timeZone = options.timeZone ?? 'UTC';
  }

  /** A copy of the state, for saving. */
  getState(): EngineState {
    return structuredClone(this.state);
  }

  get isEnded(): boolean {
    return this.state.isEnded;
  }

  get currentStep(): PlanStep {
    const step = this.plan.steps[this.state.stepIndex] ?? this.plan.steps.at(-1);
    if (step === undefined) throw new Error('An interview plan needs at least one step');
    return step;
  }

  /**
   * Lines the engine is likely to say next, made of the sentences its next utterance is built
   * from: the current question and its follow-up, the next question, the acknowledgements and the
   * close. A voice agent synthesises them ahead, so a reply plays without waiting for speech
   * synthesis. A hint only, never a promise: the engine may say something else entirely.
   */
  likelyNextLines(): string[] {
    if (this.state.isEnded) return [];
    const step = this.currentStep;
    const next = this.plan.steps[this.state.stepIndex + 1];
    const name = this.plan.candidateFirstName;
    const lines = [
      this.state.isStarted ? `Sorry, we were cut off. ${step.prompt}` : step.prompt,
      step.followUp,
      step.expects?.followUp ?? '',
      next?.prompt ?? '',
      ...ACKNOWLEDGEMENTS,
      ...(step.kind === 'identity' && name !== null ? [`Thank you, ${name}.`] : []),
      ...FIXED_OPENERS,
      this.closePrompt(),
    ];
    return [...new Set(lines.filter((line) => line.trim() !== ''))];
  }

  /** The opening line. Calling it again after a restart repeats the current question instead. */
  start(): Promise<EngineOutput> {
    if (this.state.isEnded) return Promise.resolve(this.output(null, []));
    if (this.state.isStarted) {
      // A fresh start for the silence count too: prompts before the cut belong to the old line.
      this.state.silencePrompts = 0;
      return Promise.resolve(this.say(`Sorry, we were cut off. ${this.currentStep.prompt}`, []));
    }
    this.state.isStarted = true;
    this.state.startedAtMs = this.now();
    return Promise.resolve(this.say(this.currentStep.prompt, []));
  }

  /** The candidate said something; `turnId` is the id of that transcript turn. */
  async onCandidateTurn(text: string, turnId: string): Promise<EngineOutput> {
    if (this.state.isEnded) return this.output(null, []);
    if (!this.state.isStarted) await this.start();
    this.state.silencePrompts = 0;
    this.state.turnCount += 1;
    this.remember('candidate', text);

    const step = this.currentStep;
    const wasHolding = this.state.isHolding;
    this.state.isHolding = false;
    const reply = await this.interpret(step, text);

    if (reply.intent === 'opt_out') {
      return this.end('Understood. We will not call you again. Goodbye.', 'opted_out', [
        { type: 'optOut', turnId },
      ]);
    }
    if (reply.intent === 'decline_recording') {
      const isFirst = !this.state.isRecordingDeclined;
      this.state.isRecordingDeclined = true;
      return this.say(
        `Understood. I have turned the recording off, and no audio of this call will be kept; I will only take written notes of your answers. ${step.prompt}`,
        isFirst ? [{ type: 'stopRecording', turnId }] : [],
      );
    }
    // Whatever the reader makes of it ("he's usually back by six" sounds like a third person
    // again), the answer to "when can we reach them?" is read for a time.
    if (this.state.isAskingWhenToReachCandidate) {
      return this.endWithCallbackForCandidate(
        parseCallbackTime(text, new Date(this.now()), this.timeZone),
        turnId,
      );
    }
    if (reply.intent === 'wrong_person') return this.onSomeoneElse(text, turnId);
    const withdrawal = this.onWithdrawal(step, text);
    if (withdrawal !== null) return withdrawal;
    if (this.isOverTime() && step.kind !== 'opening' && step.kind !== 'identity') {
      const actions = this.recordIfAnswer(step, text, turnId, reply, true);
      return this.end(
        `${forTheEar('We have reached the time we have for this call, so I will stop here.')} ${this.closePrompt()}`,
        'time_limit',
        actions,
      );
    }
    // "Hold on one sec": wait, and take the answer when it comes (the silence prompts still run).
    // Read after what a hold must never hide: "hold on, stop calling me", "hang on, this is not
    // a good time", "hold on, he's not here".
    const isBadTime = reply.intent === 'not_good_time' || reply.intent === 'callback_time';
    if (asksToHold(text) && !isBadTime) {
      this.state.isHolding = true;
      return this.say('Sure, take your time.', []);
    }
    // "Ok, I'm back": the question again, not counted as a second asking. At the opening, "go
    // ahead" is itself the answer to "is now a good time?".
    if (wasHolding && step.kind !== 'opening' && saysBackFromHold(text)) {
      return this.say(`No problem. ${step.prompt}`, []);
    }
    if (step.kind === 'identity' && reply.intent !== 'repeat' && reply.intent !== 'question') {
      const isConfirmed =
        this.state.isIdentityConfirmed ||
        reply.intent === 'answer' ||
        reply.confirmsIdentity === true;
      if (isConfirmed) this.state.isIdentityConfirmed = true;
      // Nothing about the application, and no callback, on the word of someone who may not be the candidate.
      if (!isConfirmed) {
        if (reply.intent === 'decline') return this.endWrongPerson();
        return this.reask(step.followUp, () => this.endWrongPerson());
      }
      if (reply.intent === 'answer') {
        const name = this.plan.candidateFirstName;
        return this.advance(name === null ? 'Thank you.' : `Thank you, ${name}.`, []);
      }
    }
    if (step.kind === 'knockout' || step.kind === 'tailored') {
      const aside = this.onAsideAboutTheQuestion(step, text, turnId);
      if (aside !== null) return aside;
    }
    // Read once: "not a good time, call me tomorrow at 3" is already a callback time.
    const callback =
      reply.intent === 'callback_time' || reply.intent === 'not_good_time'
        ? parseCallbackTime(text, new Date(this.now()), this.timeZone)
        : null;
    if (callback !== null && (reply.intent === 'callback_time' || callback.requestedAt !== null)) {
      if (
        callback.requestedAt === null &&
        this.state.followUpsUsed === 0 &&
        reply.intent === 'callback_time'
      ) {
        this.state.followUpsUsed = 1;
        return this.say('Sorry, which day and time would suit you best?', []);
      }
      return this.end(
        this.isWebScreen()
          ? 'Thank you. I have noted that. Open the link to this screen at that time to take it. Goodbye.'
          : 'Thank you. I have noted that, and we will call you back then. Goodbye.',
        'callback_requested',
        [{ type: 'scheduleCallback', callback, turnId }],
      );
    }
    if (reply.intent === 'not_good_time') {
      this.state.isAwaitingCallbackTime = true;
      this.state.followUpsUsed = 0;
      return this.say(
        this.isWebScreen()
          ? 'No problem. When would be a better time for you to come back to this screen?'
          : 'No problem. When would be a better time for us to call you back?',
        [],
      );
    }
    if (reply.intent === 'repeat') {
      return this.reask(`Of course. ${step.prompt}`, () =>
        this.moveOnUndetermined(step, text, turnId),
      );
    }
    if (reply.intent === 'question') {
      return this.onCandidateQuestion(step, text, turnId, reply);
    }
    if (step.kind === 'candidate_questions') {
      if (reply.intent === 'decline') return this.advance(this.ack(reply), []);
      // "Yes, I have one": let them ask it.
      if (this.state.followUpsUsed === 0) {
        this.state.followUpsUsed = 1;
        return this.say('Sure, go ahead.', []);
      }
      return this.advance(this.ack(reply), []);
    }
    if (step.kind === 'knockout' && reply.intent === 'answer') {
      const guarded = this.guardKnockout(step, text, turnId, reply);
      if (guarded !== null) return guarded;
    }
    if (reply.intent === 'vague' || reply.intent === 'off_topic' || reply.intent === 'decline') {
      const lead =
        reply.intent === 'off_topic'
          ? `Let us stay with the interview for now. ${step.prompt}`
          : step.followUp;
      return this.reask(lead, () => this.moveOnUndetermined(step, text, turnId, { reply }));
    }
    const recordAndGoOn = (): EngineOutput =>
      this.advance(this.ack(reply), this.recordIfAnswer(step, text, turnId, reply, false));
    // An answer without what was asked (the skill, how many years) gets one question for it.
    if (step.expects !== undefined && !holdsExpected(text, step.expects)) {
      return this.reask(step.expects.followUp, recordAndGoOn);
    }
    return recordAndGoOn();
  }

  /**
   * The knock-out is recorded from the deterministic reading of the words, whoever read the turn:
   * an answer the rules find unclear is asked again (then not determined), and a model's reading
   * that would make it met while the rules find it unmet is asked again, never recorded as met.
   */
  private guardKnockout(
    step: PlanStep,
    text: string,
    turnId: string,
    reply: ResponderReply,
  ): EngineOutput | null {
    const knockout = this.knockoutOf(step);
    if (knockout === undefined) return null;
    const reading = this.rulesReading(step, knockout, text, turnId);
    const claimsMet =
      reply.knockoutValue !== undefined &&
      reply.knockoutValue !== null &&
      isValueMet(knockout, reply.knockoutValue);
    const isDisagreement = claimsMet && reading.passed !== true;
    if (reading.passed === null || isDisagreement) {
      return this.reask(step.followUp, () =>
        this.moveOnUndetermined(step, text, turnId, { reply, reading }),
      );
    }
    return null;
  }

  /**
   * A turn about the question rather than an answer to it: "what do you mean?" gets the question
   * explained; "I'd rather not say" and "can I get back to you on that?" are respected, and the
   * knock-out left for the recruiter; "I can't talk about that, NDA" is asked in general terms.
   * Null when the turn is none of these.
   */
  private onAsideAboutTheQuestion(
    step: PlanStep,
    text: string,
    turnId: string,
  ): EngineOutput | null {
    // "Two weeks, I'll get back to you with the exact date", "the project was confidential but I
    // led a team of five": an answer comes first, whatever else the turn says.
    if (this.holdsAnswer(step, text, turnId)) return null;
    if (asksWhatIsMeant(text)) {
      return this.reask(`${this.explanationOf(step)} ${step.prompt}`, () =>
        this.moveOnUndetermined(step, text, turnId),
      );
    }
    if (step.kind === 'tailored' && mentionsConfidentiality(text) && !declinesToSay(text)) {
      return this.reask(
        'Understood, nothing confidential is needed. In general terms, without names or figures: what was the problem, and what did you do yourself?',
        () => this.moveOnUndetermined(step, text, turnId, { lead: 'That is fine.' }),
      );
    }
    if (defersAnswer(text)) {
      return this.moveOnUndetermined(step, text, turnId, {
        lead: 'Of course. I will note that you will follow up with the recruiter on it.',
      });
    }
    if (declinesToSay(text) || (step.kind === 'knockout' && mentionsConfidentiality(text))) {
      return this.moveOnUndetermined(step, text, turnId, {
        lead:
          step.kind === 'knockout'
            ? 'That is fine. I will leave that one for the recruiter.'
            : 'That is fine.',
      });
    }
    return null;
  }

  /**
   * "I already accepted another offer": asked once whether to withdraw (a misheard turn must not
   * end a screen), then the screen ends `withdrew`, with no scorecard. Anything but a yes goes on
   * with the question. Null when the turn has nothing to do with withdrawing.
   */
  private onWithdrawal(step: PlanStep, text: string): EngineOutput | null {
    const isConfirming = this.state.isConfirmingWithdrawal;
    this.state.isConfirmingWithdrawal = false;
    if (isConfirming) {
      if (
        readYesNo('Would you like to withdraw your application?', text, {
          now: new Date(this.now()),
        }) === true
      ) {
        return this.end(
          'Thank you for letting us know. I will pass that on to the recruiting team. Goodbye.',
          'withdrew',
          [],
        );
      }
      return this.say(`Of course, let us carry on. ${step.prompt}`, []);
    }
    if (!this.state.isIdentityConfirmed || step.kind === 'identity') return null;
    if (!withdrawsApplication(text)) return null;
    this.state.isConfirmingWithdrawal = true;
    return this.say(`Thank you for telling me. ${WITHDRAWAL_QUESTION}`, []);
  }

  /** The turn answers the step: a knock-out the rules can read, or a resume answer about own work. */
  private holdsAnswer(step: PlanStep, text: string, turnId: string): boolean {
    if (step.kind === 'tailored') return OWN_ACTION.test(text);
    const knockout = this.knockoutOf(step);
    if (knockout === undefined) return false;
    const reading = this.rulesReading(step, knockout, text, turnId);
    return reading.passed !== null;
  }

  /** What the question asks for, in other words, for "what do you mean?". */
  private explanationOf(step: PlanStep): string {
    if (step.kind === 'tailored') {
      return 'Of course. I am looking for one concrete example from your own work: what the problem was, and what you did yourself.';
    }
    const question = step.prompt.toLowerCase();
    if (question.includes('sponsor')) {
      return 'Of course. Sponsorship means an employer applying for a work visa for you, such as an H one B visa.';
    }
    if (question.includes('notice period')) {
      return 'Of course. Your notice period is how long you would keep working at your current job after you resign.';
    }
    if (question.includes('salary')) {
      return 'Of course. I mean your yearly base pay, before any bonus or equity.';
    }
    return 'Of course.';
  }

  /** Asks the step again when it has been asked once; after the second time, `onLimit` moves on. */
  private reask(utterance: string, onLimit: () => EngineOutput): EngineOutput {
    if (this.state.asksOfStep >= 2) return onLimit();
    this.state.asksOfStep += 1;
    return this.say(utterance, []);
  }

  /** Asked twice and still not answered: a knock-out is recorded as not determined, and the screen goes on. */
  private moveOnUndetermined(
    step: PlanStep,
    text: string,
    turnId: string,
    options: {
      reply?: ResponderReply;
      /** The rules' reading of the answer, when it is clear and not met it stands. */
      reading?: KnockoutAnswer;
      /** What is said before the next question, instead of the default acknowledgement. */
      lead?: string;
    } = {},
  ): EngineOutput {
    const { reply, reading, lead } = options;
    if (step.kind === 'identity') return this.endWrongPerson();
    const actions: EngineAction[] = [];
    const knockout = this.knockoutOf(step);
    if (knockout !== undefined) {
      // The rules' reading stands when it is clear and not met; otherwise it is not determined.
      const answer =
        reading?.passed === false ? reading : undeterminedAnswer(knockout, text, turnId);
      const recorded: RecordedAnswer = { kind: 'knockout', stepId: step.id, answer };
      this.state.answers.push(recorded);
      actions.push({ type: 'recordAnswer', answer: recorded });
      return this.advance(
        lead ??
          (answer.passed === null
            ? 'Thank you. I will note that one for the recruiter to follow up on.'
            : this.ack(reply ?? null)),
        actions,
      );
    }
    if (step.kind === 'tailored' && reply !== undefined) {
      actions.push(...this.recordIfAnswer(step, text, turnId, reply, false));
    }
    return this.advance(
      lead ?? (step.kind === 'tailored' ? this.ack(reply ?? null) : 'Let us carry on.'),
      actions,
    );
  }

  /** In the browser nobody calls back: the candidate returns to their link (web mode). */
  private isWebScreen(): boolean {
    return this.plan.channel === 'web';
  }

  /**
   * Someone other than the candidate answered. A wrong number (or someone no longer there) ends
   * the call. Someone who knows the candidate and says they are away is asked when to reach them
   * on this number, the number the candidate gave us: the candidate is called back then, and the
   * person on the line still hears nothing about the application.
   */
  private onSomeoneElse(text: string, turnId: string): EngineOutput {
    const isBeforeIdentity =
      !this.state.isIdentityConfirmed &&
      (this.currentStep.kind === 'identity' || this.currentStep.kind === 'opening');
    if (this.isWebScreen() || !isBeforeIdentity || !saysCandidateIsAway(text)) {
      return this.endWrongPerson();
    }
    const callback = parseCallbackTime(text, new Date(this.now()), this.timeZone);
    if (callback.requestedAt !== null) return this.endWithCallbackForCandidate(callback, turnId);
    this.state.isAskingWhenToReachCandidate = true;
    this.state.isAwaitingCallbackTime = true;
    return this.say(`No problem. ${this.pendingQuestion()}`, []);
  }

  /** A callback for a candidate who was away: at the time given, else the backend's next try. */
  private endWithCallbackForCandidate(callback: CallbackRequest, turnId: string): EngineOutput {
    const name = this.candidateNameOrThem();
    return this.end(
      callback.requestedAt === null
        ? `No problem. We will try ${name} again another time. Thank you, goodbye.`
        : `Thank you. We will try ${name} again then. Goodbye.`,
      'callback_requested',
      [{ type: 'scheduleCallback', callback: { ...callback, askedBy: 'someone_else' }, turnId }],
    );
  }

  /** The question waiting for an answer: the step's, or one the engine asked on the side. */
  private pendingQuestion(): string {
    if (this.state.isAskingWhenToReachCandidate) {
      return `Is there a better time to reach ${this.candidateNameOrThem()} on this number?`;
    }
    if (this.state.isConfirmingWithdrawal) return WITHDRAWAL_QUESTION;
    return this.currentStep.prompt;
  }

  private candidateNameOrThem(): string {
    return this.plan.candidateFirstName ?? 'them';
  }

  private endWrongPerson(): EngineOutput {
    return this.end(
      'I am sorry for the trouble. I will make a note so we do not bother you again. Goodbye.',
      'wrong_person',
      [],
    );
  }

  private knockoutOf(step: PlanStep): Knockout | undefined {
    return step.kind === 'knockout'
      ? this.plan.knockouts.find((item) => item.id === step.knockoutId)
      : undefined;
  }

  /** The whole turn as the rules read it: "pretend I said two weeks" is no answer. */
  private rulesReading(
    step: PlanStep,
    knockout: Knockout,
    text: string,
    turnId: string,
  ): KnockoutAnswer {
    return (
      readKnockoutTurn(this.plan, step, text, turnId, new Date(this.now()), this.timeZone) ??
      this.readKnockout(knockout, text, turnId)
    );
  }

  private readKnockout(knockout: Knockout, text: string, turnId: string): KnockoutAnswer {
    return extractKnockoutAnswer(knockout, text, turnId, new Date(this.now()), this.timeZone);
  }

  /** Nothing was heard for a while: prompt twice, then end the call. */
  onSilence(): Promise<EngineOutput> {
    if (this.state.isEnded || !this.state.isStarted) return Promise.resolve(this.output(null, []));
    if (this.state.silencePrompts >= this.maxSilencePrompts) {
      return Promise.resolve(
        this.end(
          'I cannot hear you, so I will end the call here. We will be in touch. Goodbye.',
          'no_response',
          [],
        ),
      );
    }
    this.state.silencePrompts += 1;
    const prompt =
      this.state.silencePrompts > 1
        ? 'I still cannot hear you. If you are there, please say something.'
        : this.state.isHolding
          ? `I am still here whenever you are ready. ${this.pendingQuestion()}`
          : `Are you still there? ${this.pendingQuestion()}`;
    return Promise.resolve(this.say(prompt, []));
  }

  private onCandidateQuestion(
    step: PlanStep,
    text: string,
    turnId: string,
    reply: ResponderReply,
  ): EngineOutput {
    if (step.kind === 'identity') {
      // Before the candidate is confirmed, say who is calling and nothing about the application.
      const name = this.plan.candidateFirstName;
      return this.reask(
        `I am an AI assistant calling about a job application, and I can only discuss it with ${name ?? 'the person who applied'}. ${step.prompt.replace(/^.*?\. (?=Am I|Could)/, '')}`,
        () => this.endWrongPerson(),
      );
    }
    if (step.kind === 'candidate_questions') this.state.candidateQuestions += 1;
    const answer = reply.answerToQuestion;
    const actions: EngineAction[] = [
      { type: 'noteQuestion', question: text, turnId, isAnswered: answer !== null },
    ];
    const answerText =
      answer === null
        ? 'Good question. I do not have that detail, so I will pass it on to the recruiter.'
        : `Good question. ${forTheEar(answer)}`;
    if (step.kind === 'candidate_questions') {
      // "Is it remote? Actually, that's all": answered, and not asked for another.
      if (this.state.candidateQuestions >= this.maxCandidateQuestions || saysAllDone(text)) {
        return this.advance(answerText, actions);
      }
      return this.say(`${answerText} ${step.followUp}`, actions);
    }
    if (step.kind === 'opening') {
      // The opening says who is calling and why: to "who is this?" it is said again, not doubled.
      // After any other question it was just said, so only its question is asked again ("is this
      // a real person?" answered, then not the whole disclosure a second time).
      if (isAboutTheCaller(text)) {
        return this.reask(`Of course. This is an AI assistant. ${step.prompt}`, () =>
          this.advance(answerText, actions),
        );
      }
      const question = step.prompt.split(/(?<=[.!?])\s+/).at(-1) ?? step.prompt;
      return this.reask(`${answerText} ${question}`, () => this.advance(answerText, actions));
    }
    if (this.state.asksOfStep >= 2) {
      const moved = this.moveOnUndetermined(step, text, turnId);
      return {
        ...moved,
        utterance: `${answerText} ${moved.utterance ?? ''}`.trim(),
        actions: [...actions, ...moved.actions],
      };
    }
    this.state.asksOfStep += 1;
    return this.say(`${answerText} Now, back to my question. ${step.prompt}`, actions);
  }

  private async interpret(step: PlanStep, text: string): Promise<ResponderReply> {
    const request = {
      plan: this.plan,
      step,
      candidateText: text,
      lastAgentUtterance: this.state.lastUtterance,
      isAwaitingCallbackTime: this.state.isAwaitingCallbackTime,
      recentTurns: this.state.recentTurns,
      nowMs: this.now(),
      timeZone: this.timeZone,
    };
    try {
      return await this.responder.interpret(request);
    } catch {
      // A responder that fails (network, bad output) must not end the interview: rules read this turn.
      return interpretScripted(request);
    }
  }

  private recordIfAnswer(
    step: PlanStep,
    text: string,
    turnId: string,
    reply: ResponderReply,
    isFinal: boolean,
  ): EngineAction[] {
    let answer: RecordedAnswer | null = null;
    if (step.kind === 'knockout') {
      const knockout = this.plan.knockouts.find((item) => item.id === step.knockoutId);
      if (knockout !== undefined) {
        answer = {
          kind: 'knockout',
          stepId: step.id,
          answer: this.readKnockout(knockout, text, turnId),
        };
      }
    } else if (step.kind === 'tailored') {
      answer = {
        kind: 'question',
        stepId: step.id,
        text,
        turnId,
        isVague: reply.intent !== 'answer',
      };
    }
    if (answer === null || (isFinal && reply.intent !== 'answer')) return [];
    this.state.answers.push(answer);
    return [{ type: 'recordAnswer', answer }];
  }

  private advance(lead: string, actions: EngineAction[]): EngineOutput {
    this.state.stepIndex = Math.min(this.state.stepIndex + 1, this.plan.steps.length - 1);
    this.state.followUpsUsed = 0;
    this.state.asksOfStep = 1;
    const next = this.currentStep;
    // "Thank you. Thank you for your time.": one thanks is enough.
    const isDoubled = /^thank/i.test(next.prompt) && /\bthank/i.test(lead);
    const utterance = lead === '' || isDoubled ? next.prompt : `${lead} ${next.prompt}`;
    if (next.kind === 'close') return this.end(utterance, 'finished', actions);
    return this.say(utterance, actions);
  }

  private closePrompt(): string {
    return this.plan.steps.find((step) => step.kind === 'close')?.prompt ?? 'Goodbye.';
  }

  private end(
    utterance: string,
    reason: ConversationEndReason,
    actions: EngineAction[],
  ): EngineOutput {
    this.state.isEnded = true;
    this.state.endReason = reason;
    this.state.isAwaitingCallbackTime = false;
    return this.say(utterance, [...actions, { type: 'endCall', reason }]);
  }

  private say(utterance: string, actions: EngineAction[]): EngineOutput {
    this.state.lastUtterance = utterance;
    this.remember('agent', utterance);
    return this.output(utterance, actions);
  }

  private output(utterance: string | null, actions: EngineAction[]): EngineOutput {
    return {
      utterance,
      actions,
      isEnded: this.state.isEnded,
      stepId: this.state.isEnded ? null : this.currentStep.id,
    };
  }

  private remember(speaker: 'agent' | 'candidate', text: string): void {
    this.state.recentTurns = [...this.state.recentTurns, { speaker, text }].slice(-6);
  }

  private ack(reply: ResponderReply | null): string {
    if (reply !== null && reply.acknowledgement !== null && reply.acknowledgement.trim() !== '') {
      return forTheEar(reply.acknowledgement.trim());
    }
    return ACKNOWLEDGEMENTS[this.state.turnCount % ACKNOWLEDGEMENTS.length] ?? 'Thank you.';
  }

  private isOverTime(): boolean {
    return (
      this.state.startedAtMs !== null && this.now() - this.state.startedAtMs > this.maxDurationMs
    );
  }
}
