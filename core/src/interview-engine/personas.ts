import type { EndReason, InterviewStatus, Scorecard } from '../interviews/interview.js';
import type { Knockout } from '../jobs/job.js';
import type { ParsedResume } from '../resume/parsed-resume.js';
import type { InterviewPlan, PlanStep } from './interview-plan.js';
import { numberToWords } from './speech.js';

/** The simulated candidates a screen can be rehearsed against. */
export const PERSONA_NAMES = [
  'qualified',
  'knockout',
  'callback',
  'optout',
  'wrong-person',
  'silent',
  'rambling',
  'curious',
  // The failure kinds of issue 15, each its own candidate:
  /** Says no with negations and idioms ("I can't do that anymore"): never read as yes. */
  'negations',
  /** Answers a number question with a number about something else: never counted as met. */
  'wrong-numbers',
  /** Plain answers in everyday words ("no problem", "couple of weeks"): read without a clarification. */
  'plain-spoken',
  /** Asks something back before every answer: each question asked twice at most, then the screen moves on. */
  'asks-back',
  /** A relative picks up ("she isn't here, call back later"): nothing said of the application; asked when to reach her, she is called back then. */
  'third-person',
  /** Has accepted another offer: says so at the first knock-out and confirms it; no scorecard. */
  'withdraws',
] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

/** True for a known persona name. */
export function isPersonaName(value: string): value is PersonaName {
  return (PERSONA_NAMES as readonly string[]).includes(value);
}

/** A simulated candidate: given what the agent just said, what they say back (null: silence). */
export interface SimulatedCandidate {
  readonly name: PersonaName;
  reply(agentUtterance: string): string | null;
}

/** Where each persona's screen ends, and whether it earns a scorecard (with which suggestion). */
export interface PersonaOutcome {
  status: InterviewStatus;
  endReason: EndReason;
  hasScorecard: boolean;
  suggestion: Scorecard['suggestion'] | null;
}

/** The outcome a persona must reach on a plan (a job without knock-outs cannot be failed). */
export function expectedPersonaOutcome(name: PersonaName, plan: InterviewPlan): PersonaOutcome {
  const scored = (suggestion: Scorecard['suggestion'] | null): PersonaOutcome => ({
    status: 'evaluated',
    endReason: 'finished',
    hasScorecard: true,
    suggestion,
  });
  switch (name) {
    case 'qualified':
      return scored(plan.rubric.length > 0 ? 'advance' : 'review');
    case 'knockout':
      return scored(failableKnockout(plan) === undefined ? null : 'decline_suggested');
    case 'rambling':
    case 'curious':
      return scored(null);
    case 'plain-spoken':
      return scored(plan.rubric.length > 0 ? 'advance' : 'review');
    case 'negations':
      return scored(
        plan.knockouts.some(
          (item) => item.answerType === 'yes_no' && item.accept.equals !== undefined,
        )
          ? 'decline_suggested'
          : null,
      );
    case 'wrong-numbers':
      return scored(plan.knockouts.some((item) => item.answerType === 'number') ? 'review' : null);
    case 'asks-back':
      return scored(plan.knockouts.length > 0 ? 'review' : null);
    case 'callback':
      return {
        status: 'scheduled',
        endReason: 'callback_requested',
        hasScorecard: false,
        suggestion: null,
      };
    case 'optout':
      return { status: 'opted_out', endReason: 'opted_out', hasScorecard: false, suggestion: null };
    case 'third-person':
      // Her brother says when she is home: she is called back then.
      return {
        status: 'scheduled',
        endReason: 'callback_requested',
        hasScorecard: false,
        suggestion: null,
      };
    case 'withdraws':
      return { status: 'completed', endReason: 'withdrew', hasScorecard: false, suggestion: null };
    case 'wrong-person':
      return {
        status: 'completed',
        endReason: 'wrong_person',
        hasScorecard: false,
        suggestion: null,
      };
    case 'silent':
      return {
        status: 'completed',
        endReason: 'no_response',
        hasScorecard: false,
        suggestion: null,
      };
  }
}

function failableKnockout(plan: InterviewPlan): Knockout | undefined {
  return plan.knockouts.find(
    (knockout) =>
      (knockout.answerType === 'yes_no' && knockout.accept.equals !== undefined) ||
      ((knockout.answerType === 'number' || knockout.answerType === 'duration_days') &&
        (knockout.accept.min !== undefined || knockout.accept.max !== undefined)),
  );
}

/** The step an utterance asks: the one whose prompt it says last. Null for a follow-up or filler. */
function findStep(plan: InterviewPlan, utterance: string): PlanStep | null {
  let best: { step: PlanStep; at: number } | null = null;
  for (const step of plan.steps) {
    const at = step.prompt === '' ? -1 : utterance.lastIndexOf(step.prompt);
    if (at >= 0 && (best === null || at >= best.at)) best = { step, at };
  }
  return best?.step ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  // Keep names such as PostgreSQL as written.
  return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/** A number said the way people say it: 150000 → "one hundred fifty thousand". */
function spoken(value: number): string {
  return numberToWords(Math.round(value));
}

/** An answer inside (pass) or outside (fail) a knock-out's accept rule. */
function knockoutAnswer(knockout: Knockout, shouldPass: boolean): string {
  const { min, max, equals } = knockout.accept;
  if (knockout.answerType === 'yes_no') {
    const yes = equals === undefined ? true : shouldPass === equals;
    return yes ? 'Yes, I am.' : 'No, I am afraid not.';
  }
  if (knockout.answerType === 'text') return 'Yes, that works well for me.';
  if (knockout.answerType === 'duration_days') {
    const days = shouldPass
      ? Math.max(min ?? 0, Math.min(14, max ?? 14))
      : max !== undefined
        ? max + 30
        : Math.max(0, (min ?? 1) - 1);
    if (days === 0) return 'I could start right away.';
    if (days % 7 === 0) return `${capitalise(spoken(days / 7))} weeks.`;
    return `${capitalise(spoken(days))} days.`;
  }
  let value: number;
  if (shouldPass) {
    value =
      min !== undefined && max !== undefined
        ? (min + max) / 2
        : max !== undefined
          ? max * 0.85
          : min !== undefined
            ? min * 2
            : 5;
  } else {
    value = max !== undefined ? max * 1.3 : min !== undefined ? Math.max(0, min / 2) : 0;
  }
  value = value >= 10_000 ? Math.round(value / 5_000) * 5_000 : Math.round(value);
  return `About ${spoken(value)}${knockout.unit === undefined ? '' : ` ${knockout.unit}`}.`;
}

/** How the plain-spoken candidate answers: everyday words that still give the answer clearly. */
function plainAnswer(knockout: Knockout): string {
  const { min, max, equals } = knockout.accept;
  switch (knockout.answerType) {
    case 'yes_no':
      return equals === false
        ? 'Nope, not at all.'
        : "Yeah, that's no problem, I've done it for years.";
    case 'text':
      return 'That works fine for me, any weekday really.';
    case 'duration_days':
      return max !== undefined && max < 14
        ? 'I could start right away.'
        : 'A couple of weeks, I just need to give notice.';
    case 'number': {
      const value =
        min !== undefined && max !== undefined
          ? (min + max) / 2
          : max !== undefined
            ? max * 0.85
            : min !== undefined
              ? min * 2
              : 5;
      if (value >= 10_000) {
        const thousands = Math.round(value / 5_000) * 5;
        return `Somewhere around ${spoken(thousands)} k.`;
      }
      return `Probably like ${spoken(Math.round(value))}${knockout.unit === undefined ? '' : ` ${knockout.unit.replace(/^USD /, 'dollars ')}`}.`;
    }
  }
}

/** How the negations candidate says no: a negation or an idiom, never a bare "no". */
function negatedAnswer(knockout: Knockout): string {
  if (knockout.answerType === 'yes_no') {
    return knockout.accept.equals === false
      ? "Yes, I'm afraid I would."
      : "Honestly I can't do that anymore, I've got kids at home.";
  }
  return knockoutAnswer(knockout, true);
}

/** A number about something else than what was asked, as people answer when they mishear. */
const OFF_NUMBERS = [
  "I've driven forklifts for about eight years.",
  'My commute is about twelve miles, I have worked with a team of ten people.',
];

/** Years between a resume date and now (or its end), rounded; null when unknown. */
function yearsOfExperience(resume: ParsedResume): number {
  const starts = resume.experience
    .map((entry) =>
      entry.start === null || entry.start === 'present' ? null : Number(entry.start.slice(0, 4)),
    )
    .filter((year): year is number => year !== null && Number.isFinite(year));
  if (starts.length === 0) return 6;
  return Math.max(1, new Date().getUTCFullYear() - Math.min(...starts));
}

/** "Built the tracking API" → "I built the tracking API"; other descriptions are quoted as the work. */
function firstPerson(description: string): string {
  const text = description.trim().replace(/[.;]+$/, '');
  return /^(?:[A-Z][a-z]+ed|Built|Led|Ran|Wrote|Made|Grew|Shipped|Owned|Drove|Took)\b/.test(text)
    ? `I ${lowerFirst(text)}`
    : `my work was ${lowerFirst(text)}`;
}

function joinWithAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** A concrete, first-person answer that speaks to the rubric, grounded in the resume. */
function substantiveAnswer(plan: InterviewPlan, resume: ParsedResume, index: number): string {
  const entry = resume.experience[index % Math.max(1, resume.experience.length)];
  const years = spoken(yearsOfExperience(resume));
  const parts: string[] = [];
  if (entry?.employer) {
    const role = entry.title ? ` as ${entry.title}` : '';
    const work = entry.description
      ? firstPerson(entry.description)
      : 'I owned our services from design to production';
    parts.push(`At ${entry.employer}${role}, ${work}.`);
  }
  const skills = resume.skills.slice(0, 3);
  if (skills.length > 0)
    parts.push(`I have used ${joinWithAnd(skills)} nearly every day for about ${years} years.`);
  for (const [offset, criterion] of plan.rubric.entries()) {
    if ((offset + index) % 2 === 0 || plan.rubric.length <= 2) {
      const detail = lowerFirst((criterion.description ?? criterion.name).replace(/\.$/, ''));
      parts.push(
        `${criterion.name} is one of my strengths, and I have ${years} years of it: ${detail}.`,
      );
    }
  }
  parts.push(
    'One example: I cut our p95 latency by forty percent and led the on-call rotation for two years.',
  );
  return parts.join(' ');
}

const RAMBLE_OPENERS = [
  'Oh, that is a good question, and it reminds me of a funny story from years ago about my first car, which kept breaking down on the highway.',
  'Well, let me think, there is a lot to say, and honestly my cousin always tells me I talk too much, but anyway.',
  'Right, so, before I get to it, I was just making coffee, and the machine is acting up again, which is a whole saga.',
];

/** Builds a simulated candidate from a resume and the plan of the screen they are in. */
export function createPersona(
  name: PersonaName,
  plan: InterviewPlan,
  resume: ParsedResume,
): SimulatedCandidate {
  let lastStep: PlanStep | null = null;
  let tailoredCount = 0;
  let questionsAsked = 0;
  let hasAskedMidInterview = false;
  let hasBeenVague = false;
  let callbackAsked = false;
  const failing = name === 'knockout' ? failableKnockout(plan) : undefined;

  const answerStep = (step: PlanStep, isFollowUp: boolean): string | null => {
    switch (step.kind) {
      case 'opening':
        if (isFollowUp) return 'Yes, sorry, now is fine.';
        return 'Yes, now is a good time.';
      case 'identity':
        return plan.candidateFirstName === null
          ? 'Yes, that is me.'
          : `Yes, this is ${plan.candidateFirstName}.`;
      case 'knockout': {
        const knockout = plan.knockouts.find((item) => item.id === step.knockoutId);
        if (knockout === undefined) return 'Yes.';
        if (name === 'plain-spoken') return plainAnswer(knockout);
        if (name === 'negations') return negatedAnswer(knockout);
        if (name === 'wrong-numbers' && knockout.answerType === 'number') {
          return OFF_NUMBERS[isFollowUp ? 1 : 0] ?? '';
        }
        if (name === 'asks-back') {
          return isFollowUp
            ? 'And is that the same for everyone on the team?'
            : 'Before that, which shift is it?';
        }
        const answer = knockoutAnswer(knockout, knockout.id !== failing?.id);
        if (name === 'rambling') {
          if (!hasBeenVague && !isFollowUp) {
            hasBeenVague = true;
            return `${RAMBLE_OPENERS[0] ?? ''} Hmm, I am not sure, it depends.`;
          }
          return `${RAMBLE_OPENERS[1] ?? ''} ${answer}`;
        }
        return answer;
      }
      case 'tailored': {
        if (name === 'curious' && !hasAskedMidInterview) {
          hasAskedMidInterview = true;
          return 'Before I answer, can I ask whether the team works remotely?';
        }
        const answer = substantiveAnswer(plan, resume, tailoredCount);
        tailoredCount += 1;
        if (name === 'rambling')
          return `${RAMBLE_OPENERS[tailoredCount % RAMBLE_OPENERS.length] ?? ''} ${answer} Anyway, where was I. That is about it.`;
        return answer;
      }
      case 'candidate_questions': {
        if (name === 'curious' && questionsAsked < 2) {
          questionsAsked += 1;
          return questionsAsked === 1
            ? 'What does the interview process look like after this call?'
            : 'Is there a budget for conferences and training?';
        }
        return 'No, that is all from me. Thank you.';
      }
      case 'close':
        return null;
    }
  };

  return {
    name,
    reply(agentUtterance: string): string | null {
      const step = findStep(plan, agentUtterance);
      const isFollowUp = step === null || step.id === lastStep?.id;
      const current = step ?? lastStep;
      lastStep = current;
      if (name === 'silent') return null;
      if (name === 'third-person' && /better time to reach/i.test(agentUtterance)) {
        return 'Try her tomorrow evening, around six. She should be home by then.';
      }
      if (name === 'withdraws') {
        if (/withdraw your application/i.test(agentUtterance)) return 'Yes, sorry about that.';
        if (current?.kind === 'knockout') {
          return 'Actually, I should say I already accepted another offer last week.';
        }
      }
      if (current === null) return 'Sorry, could you repeat that?';
      if (current.kind === 'identity' && !isFollowUp) {
        if (name === 'optout') return 'Please stop calling me. Take me off your list.';
        if (name === 'wrong-person')
          return 'I think you have the wrong number. There is nobody here by that name.';
        if (name === 'third-person')
          return "She isn't here right now, this is her brother. Can you call back later?";
      }
      if (current.kind === 'opening' && !isFollowUp) {
        if (name === 'callback') {
          callbackAsked = true;
          return 'Sorry, I am driving right now. It is not a good time.';
        }
      }
      if (name === 'callback' && callbackAsked)
        return 'Tomorrow at three in the afternoon would be better.';
      return answerStep(current, isFollowUp);
    },
  };
}
