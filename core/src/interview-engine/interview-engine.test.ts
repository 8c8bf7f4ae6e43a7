import { describe, expect, it } from 'vitest';
import { SAMPLE_JOB, SAMPLE_RESUME } from './fixtures.js';
import { InterviewEngine, type EngineOutput } from './interview-engine.js';
import { buildInterviewPlan } from './interview-plan.js';
import { expectedPersonaOutcome, PERSONA_NAMES } from './personas.js';
import { runSimulatedScreen } from './run-simulated-screen.js';
import { assembleScorecard, overallScore, scoreInterview } from './score-interview.js';

const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
const NOW = Date.parse('2026-11-25T15:00:00Z');

function newEngine(now = () => NOW): InterviewEngine {
  return new InterviewEngine(plan, { now });
}

/** Clear answers to the sample plan's opening steps and knock-outs, by step id. */
const CLEAR_ANSWERS: Record<string, string> = {
  identity: 'Yes, speaking.',
  opening: 'Yes, sure.',
  'knockout:work-authorization': 'Yes, I am authorized to work here without sponsorship.',
  'knockout:notice-period': 'Two weeks.',
  'knockout:salary-expectation': 'One hundred fifty thousand dollars a year.',
};

/** Starts the engine and answers clearly (every other step with `otherwise`) until `stepId` is asked. */
async function answerUntil(
  engine: InterviewEngine,
  stepId: string | undefined,
  otherwise: string,
): Promise<EngineOutput> {
  let output = await engine.start();
  for (let turn = 1; output.stepId !== stepId && turn < 15; turn += 1) {
    output = await engine.onCandidateTurn(
      CLEAR_ANSWERS[output.stepId ?? ''] ?? otherwise,
      `c${turn}`,
    );
  }
  return output;
}

/** Walks the engine to the first knock-out. */
async function toFirstKnockout(engine: InterviewEngine): Promise<EngineOutput> {
  await engine.start();
  await engine.onCandidateTurn('Yes, sure.', 'c1');
  return engine.onCandidateTurn('Yes, speaking.', 'c2');
}

describe('"who is this?" at the opening', () => {
  it('says who is calling once, then asks again whether now is a good time', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Yes, speaking.', 'c1');
    const answer = await engine.onCandidateTurn('wait who is this again', 'c2');
    const said = answer.utterance ?? '';
    expect(said).toMatch(/^Of course\. This is an AI assistant\. I am calling for Northwind/);
    expect(said.match(/Northwind/g)).toHaveLength(1);
    expect(said).toMatch(/Is now a good time to talk\?$/);
  });
});

describe('a question about a skill answered about something else', () => {
  const skillStep = plan.steps.find((step) => step.expects?.kind === 'skill');
  const dodge =
    'yeah so at my last place I mostly did backend stuff, Python and Go mainly, some Postgres tuning, I kinda led a migration onto Kubernetes';

  /** Answers every step before the skill question with a clear answer. */
  const toSkillQuestion = (engine: InterviewEngine) =>
    answerUntil(
      engine,
      skillStep?.id,
      'At Parcelly I built the shipment tracking service and ran it myself for two years.',
    );

  it('is asked once about the skill itself, then the screen goes on whatever the answer', async () => {
    expect(skillStep?.expects?.kind === 'skill' ? skillStep.expects.name : undefined).toBeTruthy();
    const engine = newEngine();
    expect((await toSkillQuestion(engine)).utterance).toContain(skillStep!.prompt);
    const followUp = await engine.onCandidateTurn(dodge, 'd1');
    expect(followUp.stepId).toBe(skillStep!.id);
    expect(followUp.utterance).toBe(skillStep!.expects!.followUp);
    expect(followUp.utterance).toContain((skillStep!.expects as { name: string }).name);
    const onward = await engine.onCandidateTurn('Honestly not much, mostly side projects.', 'd2');
    expect(onward.stepId).not.toBe(skillStep!.id);
    expect(engine.likelyNextLines()).not.toContain(skillStep!.expects!.followUp);
  });

  it('an answer that names the skill, even as speech-to-text splits it, goes straight on', async () => {
    const engine = newEngine();
    await toSkillQuestion(engine);
    const spoken = (skillStep!.expects as { name: string }).name
      .replace(/([a-z])([A-Z])/, '$1 $2')
      .toLowerCase();
    const onward = await engine.onCandidateTurn(
      `I used ${spoken} every day for the order service and I fixed a lot of flaky builds.`,
      'd1',
    );
    expect(onward.stepId).not.toBe(skillStep!.id);
  });
});

describe('a requirement in years answered without a number of years', () => {
  const job = {
    ...SAMPLE_JOB,
    requirements: ['TypeScript or Node.js', 'Eight or more years leading restaurant kitchens'],
  };
  const yearsPlan = buildInterviewPlan(job, SAMPLE_RESUME);
  const gap = yearsPlan.steps.find((step) => step.expects?.kind === 'years');

  const toGapQuestion = (engine: InterviewEngine) =>
    answerUntil(
      engine,
      gap?.id,
      'I built the order service in TypeScript on Node.js and ran it myself for two years.',
    );

  it('is asked once how many years, then the screen goes on', async () => {
    expect(gap?.prompt).toMatch(/restaurant kitchens/);
    const engine = new InterviewEngine(yearsPlan, { now: () => NOW });
    await toGapQuestion(engine);
    const followUp = await engine.onCandidateTurn(
      'I ran the line at my cousin’s diner on weekends and trained the new cooks.',
      'g1',
    );
    expect(followUp.utterance).toBe('Roughly how many years of that would you say you have?');
    const onward = await engine.onCandidateTurn('Hard to say, on and off.', 'g2');
    expect(onward.stepId).not.toBe(gap?.id);
  });

  it.each([
    'I have run the kitchen at a busy brunch place for about six years, since 2020',
    'never, I have not led a kitchen',
  ])('"%s" says how long and goes straight on', async (answer) => {
    const engine = new InterviewEngine(yearsPlan, { now: () => NOW });
    await toGapQuestion(engine);
    expect((await engine.onCandidateTurn(answer, 'g1')).stepId).not.toBe(gap?.id);
  });
});

describe('the candidate’s questions', () => {
  it('a last question with "that\'s all" is answered and the screen closes, not asked for another', async () => {
    const engine = newEngine();
    const output = await answerUntil(
      engine,
      'candidate-questions',
      'I built the shipment tracking service in TypeScript on Node.js and ran it myself for two years.',
    );
    expect(output.stepId).toBe('candidate-questions');
    const last = await engine.onCandidateTurn(
      'hmm, is it remote? actually never mind, no that’s all',
      'q1',
    );
    expect(last.utterance).toMatch(/^Good question\. .*remote/);
    expect(last.utterance).not.toMatch(/anything else/i);
    expect(last.isEnded).toBe(true);
  });
});

describe('"hold on one sec"', () => {
  it('waits, asks the question again when the candidate is back, and still allows its follow-up', async () => {
    const engine = newEngine();
    const knockout = await toFirstKnockout(engine);
    const held = await engine.onCandidateTurn('hold on one sec, let me pull over', 'c3');
    expect(held.utterance).toBe('Sure, take your time.');
    expect(held.stepId).toBe(knockout.stepId);
    const silence = await engine.onSilence();
    expect(silence.utterance).toMatch(/^I am still here whenever you are ready\. /);
    const back = await engine.onCandidateTurn("ok I'm back, sorry about that", 'c4');
    const prompt = plan.steps.find((step) => step.id === knockout.stepId)?.prompt ?? '';
    expect(back.utterance).toBe(`No problem. ${prompt}`);
    // The hold and the return did not use up the question's follow-up: a vague answer gets it.
    const vague = await engine.onCandidateTurn('hmm it depends', 'c5');
    expect(vague.stepId).toBe(knockout.stepId);
    const answered = await engine.onCandidateTurn(CLEAR_ANSWERS[knockout.stepId ?? ''] ?? '', 'c6');
    expect(answered.stepId).not.toBe(knockout.stepId);
    expect(answered.actions.some((action) => action.type === 'recordAnswer')).toBe(true);
  });

  it.each([
    ['hold on, stop calling me', 'opted_out'],
    ['one sec, take me off your list', 'opted_out'],
  ])('"%s" is never only a hold: the call ends %s', async (text, reason) => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const end = await engine.onCandidateTurn(text, 'c3');
    expect(end.actions).toContainEqual({ type: 'endCall', reason });
  });

  it('"hang on, this is not a good time" offers the callback, not a wait', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const next = await engine.onCandidateTurn('hang on, this is not a good time', 'c3');
    expect(next.utterance).toMatch(/When would be a better time/);
  });

  it('an answer said with "hold on" is an answer', async () => {
    const engine = newEngine();
    const knockout = await toFirstKnockout(engine);
    const answered = await engine.onCandidateTurn(
      "hold on, yes I'm authorized, no sponsorship needed",
      'c3',
    );
    expect(answered.stepId).not.toBe(knockout.stepId);
  });

  it('at the opening, "ok go ahead" after the hold is the yes to "is now a good time?"', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Yes, speaking.', 'c1');
    await engine.onCandidateTurn('one sec', 'c2');
    const next = await engine.onCandidateTurn('ok go ahead', 'c3');
    expect(next.stepId).toMatch(/^knockout:/);
  });
});

describe('a turn about the question instead of an answer', () => {
  const SALARY = 'knockout:salary-expectation';
  const at = async (stepId: string, text: string): Promise<EngineOutput> => {
    const engine = newEngine();
    await answerUntil(engine, stepId, 'I built the routing service and cut its latency by half.');
    return engine.onCandidateTurn(text, 'x1');
  };

  it.each(["I'd rather not say", "that's confidential", 'pass'])(
    '"%s" to the salary is respected: not determined, left for the recruiter, not asked again',
    async (text) => {
      const next = await at(SALARY, text);
      expect(next.stepId).not.toBe(SALARY);
      expect(next.utterance).toMatch(/^That is fine\. I will leave that one for the recruiter\./);
      const recorded = next.actions.find((action) => action.type === 'recordAnswer');
      expect(
        recorded?.type === 'recordAnswer' &&
          recorded.answer.kind === 'knockout' &&
          recorded.answer.answer.passed,
      ).toBeNull();
    },
  );

  it.each([
    ['knockout:notice-period', "two weeks, I'll get back to you with the exact date"],
    [SALARY, "I'd rather not say exactly but around 120k"],
  ])('at %s, "%s" is an answer first', async (stepId, text) => {
    const next = await at(stepId, text);
    const recorded = next.actions.find((action) => action.type === 'recordAnswer');
    expect(
      recorded?.type === 'recordAnswer' &&
        recorded.answer.kind === 'knockout' &&
        recorded.answer.answer.passed,
    ).toBe(true);
  });

  it('"can I get back to you on that?" is noted, not passed on as a question', async () => {
    const next = await at(SALARY, 'can I get back to you on that?');
    expect(next.stepId).not.toBe(SALARY);
    expect(next.utterance).toMatch(/^Of course\. I will note that you will follow up/);
    expect(next.actions.some((action) => action.type === 'noteQuestion')).toBe(false);
  });

  it('"what do you mean by sponsorship?" is explained, then the question asked again', async () => {
    const next = await at('knockout:work-authorization', 'what do you mean by sponsorship?');
    expect(next.stepId).toBe('knockout:work-authorization');
    expect(next.utterance).toMatch(
      /^Of course\. Sponsorship means an employer applying for a work visa/,
    );
    expect(next.utterance).toMatch(/without sponsorship\?$/);
  });

  it('"I can\'t talk about that, NDA" is asked in general terms, never offered a callback', async () => {
    const tailored = plan.steps.find((step) => step.kind === 'tailored')!.id;
    const next = await at(tailored, "I can't really talk about that, NDA");
    expect(next.stepId).toBe(tailored);
    expect(next.utterance).toMatch(/^Understood, nothing confidential is needed\./);
    expect(next.actions).toEqual([]);
  });

  it('"I\'m open" to the salary gets a follow-up that neither apologises nor scolds', async () => {
    const next = await at(SALARY, "I'm open, whatever is fair");
    expect(next.stepId).toBe(SALARY);
    expect(next.utterance).toBe(
      'Even a rough number or a range helps: what base salary are you looking for, in U S dollars per year?',
    );
  });
});

describe('"I already accepted another offer"', () => {
  it('is confirmed once, then the screen ends withdrew', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const asked = await engine.onCandidateTurn('actually I already accepted another offer', 'c3');
    expect(asked.utterance).toMatch(/would you like to withdraw your application/);
    expect(asked.isEnded).toBe(false);
    const end = await engine.onCandidateTurn('yeah, sorry about that', 'c4');
    expect(end.actions).toEqual([{ type: 'endCall', reason: 'withdrew' }]);
  });

  it('anything but a yes goes on with the question, not asked as a second time', async () => {
    const engine = newEngine();
    const knockout = await toFirstKnockout(engine);
    await engine.onCandidateTurn("I'm no longer interested in the position", 'c3');
    const next = await engine.onCandidateTurn("no wait, I'm still interested, go on", 'c4');
    const prompt = plan.steps.find((step) => step.id === knockout.stepId)?.prompt ?? '';
    expect(next.utterance).toBe(`Of course, let us carry on. ${prompt}`);
    const vague = await engine.onCandidateTurn('hmm it depends', 'c5');
    expect(vague.stepId).toBe(knockout.stepId);
  });

  it('before the identity is confirmed it means nothing: nothing of the application is said', async () => {
    const engine = newEngine();
    await engine.start();
    const next = await engine.onCandidateTurn('I already accepted another offer', 'c1');
    expect(next.utterance).not.toMatch(/withdraw/);
  });
});

describe('a question at the opening', () => {
  it('is answered, and only whether now is a good time is asked again, not the whole disclosure', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Yes, speaking.', 'c1');
    const answer = await engine.onCandidateTurn('is this a real person?', 'c2');
    const said = answer.utterance ?? '';
    expect(said).toMatch(/^Good question\. I am an AI assistant/);
    expect(said).toMatch(/Is now a good time to talk\?$/);
    expect(said).not.toContain('Northwind');
    expect(said.match(/recorded and transcribed/g)).toHaveLength(1);
  });
});

describe('buildInterviewPlan', () => {
  it('orders opening, identity, knock-outs, tailored questions, candidate questions, close', () => {
    const kinds = plan.steps.map((step) => step.kind);
    expect(kinds[0]).toBe('identity');
    expect(kinds[1]).toBe('opening');
    expect(kinds.filter((kind) => kind === 'knockout')).toHaveLength(3);
    const tailored = kinds.filter((kind) => kind === 'tailored').length;
    expect(tailored).toBeGreaterThanOrEqual(2);
    expect(tailored).toBeLessThanOrEqual(4);
    expect(kinds.slice(-2)).toEqual(['candidate_questions', 'close']);
  });

  it('asks for the candidate first, as an AI assistant about a job application, and nothing more', () => {
    const first = plan.steps[0]!.prompt;
    expect(first).toBe(
      'Hello, this is an AI assistant calling about a job application. Am I speaking with Jordan?',
    );
    for (const secret of ['Northwind', 'Senior Backend Engineer', 'Parcelly'])
      expect(first).not.toContain(secret);
  });

  it('LAW-2: once confirmed, discloses company, role, recording and offers a callback', () => {
    const opening = plan.steps[1]!.prompt;
    for (const part of [
      'Northwind Labs',
      'Senior Backend Engineer',
      'recorded',
      'call you back',
      'good time',
    ]) {
      expect(opening).toContain(part);
    }
  });

  it('names at least two things from the resume and asks about a missing requirement', () => {
    const tailored = plan.steps.filter((step) => step.kind === 'tailored');
    const naming = tailored.filter((step) =>
      step.resumeMentions.some((mention) => step.prompt.includes(mention)),
    );
    expect(naming.length).toBeGreaterThanOrEqual(2);
    expect(tailored.map((step) => step.prompt).join(' ')).toContain('Parcelly');
    expect(
      tailored.some((step) => step.prompt.includes('Kafka') && step.resumeMentions.length === 0),
    ).toBe(true);
  });

  it('never says "not on your resume" about a skill the resume lists', () => {
    const withKafka = buildInterviewPlan(SAMPLE_JOB, {
      ...SAMPLE_RESUME,
      skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'Kafka', 'Kubernetes', 'AWS'],
    });
    const gapQuestions = withKafka.steps.filter((step) => step.prompt.includes('did not see'));
    for (const step of gapQuestions) expect(step.prompt).not.toMatch(/Kafka|AWS|Kubernetes/);
  });

  it('writes prompts for the ear: no digits, no brackets', () => {
    for (const step of plan.steps) expect(step.prompt).not.toMatch(/[\d()[\]•]/);
  });

  it('still names the resume twice when it has only one employer and no skills', () => {
    const thin = buildInterviewPlan(SAMPLE_JOB, {
      ...SAMPLE_RESUME,
      skills: [],
      education: [],
      experience: [
        { employer: 'Acme Freight', title: null, start: null, end: null, description: null },
      ],
    });
    const naming = thin.steps.filter((step) => step.prompt.includes('Acme Freight'));
    expect(naming.length).toBeGreaterThanOrEqual(2);
  });
});

describe('InterviewEngine policy', () => {
  it('asks one follow-up on a vague answer, then records and moves on', async () => {
    const engine = newEngine();
    const first = await toFirstKnockout(engine);
    expect(first.stepId).toBe('knockout:work-authorization');
    const followUp = await engine.onCandidateTurn('Hmm, not sure.', 'c3');
    expect(followUp.stepId).toBe('knockout:work-authorization');
    expect(followUp.utterance).toContain('yes or a no');
    const next = await engine.onCandidateTurn('It depends, honestly.', 'c4');
    expect(next.stepId).toBe('knockout:notice-period');
    const recorded = next.actions.find((action) => action.type === 'recordAnswer');
    expect(recorded).toMatchObject({
      answer: { kind: 'knockout', answer: { passed: null, turnId: 'c4' } },
    });
  });

  it('records a clear knock-out answer with its turn id', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const output = await engine.onCandidateTurn('Yes, I am.', 'turn-42');
    const recorded = output.actions.find((action) => action.type === 'recordAnswer');
    expect(recorded).toMatchObject({
      answer: {
        kind: 'knockout',
        answer: { knockoutId: 'work-authorization', value: true, passed: true, turnId: 'turn-42' },
      },
    });
  });

  it('offers a callback when it is not a good time and records the time asked for', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Yes, this is Jordan.', 'c0');
    const offer = await engine.onCandidateTurn('Not a good time, I am in a meeting.', 'c1');
    expect(offer.utterance).toContain('better time');
    expect(offer.isEnded).toBe(false);
    const end = await engine.onCandidateTurn('Friday at 10 am.', 'c2');
    expect(end.isEnded).toBe(true);
    expect(end.actions).toContainEqual({
      type: 'scheduleCallback',
      turnId: 'c2',
      callback: { requestedText: 'Friday at 10 am.', requestedAt: '2026-11-27T10:00:00.000Z' },
    });
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'callback_requested' });
  });

  it('in the browser (web mode) promises no call back: the candidate returns to their link', async () => {
    const webPlan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME, { channel: 'web' });
    expect(webPlan.channel).toBe('web');
    const opening = webPlan.steps[1]!.prompt;
    for (const part of ['Northwind Labs', 'recorded', 'come back to it later', 'good time'])
      expect(opening).toContain(part);
    const engine = new InterviewEngine(webPlan, { now: () => NOW });
    const first = await engine.start();
    expect(first.utterance).toContain('AI assistant');
    await engine.onCandidateTurn('Yes, this is Jordan.', 'c0');
    const offer = await engine.onCandidateTurn("Can we do this another time? I'm at work.", 'c1');
    expect(offer.utterance).toBe(
      'No problem. When would be a better time for you to come back to this screen?',
    );
    const end = await engine.onCandidateTurn('Friday at 10 am.', 'c2');
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'callback_requested' });
    expect(end.utterance).toContain('Open the link to this screen at that time');
    for (const said of [first.utterance, offer.utterance, end.utterance])
      expect(said).not.toMatch(/call you/);
  });

  it('schedules at once when the time comes with the request', async () => {
    const engine = newEngine();
    await engine.start();
    const end = await engine.onCandidateTurn(
      "It's me, can you call me back tomorrow at 3 pm?",
      'c1',
    );
    expect(end.actions.map((action) => action.type)).toEqual(['scheduleCallback', 'endCall']);
  });

  it.each([
    'Wrong number.',
    "Who? You've got the wrong number, there's no Jordan here.",
    'He passed away last spring.',
    "He doesn't live here anymore.",
    'No.',
  ])(
    'someone who cannot reach the candidate ("%s") ends the call, with no callback',
    async (text) => {
      const engine = newEngine();
      await engine.start();
      const end = await engine.onCandidateTurn(text, 'c1');
      expect(end.actions).toEqual([{ type: 'endCall', reason: 'wrong_person' }]);
      expect(end.utterance).not.toMatch(/Northwind|Senior Backend|recorded/);
    },
  );

  it.each([
    "She isn't here, can you call back later?",
    "No, this is his wife. He's at work.",
    "He's not home right now, can I take a message?",
  ])(
    'someone who knows the candidate ("%s") is asked when to reach them, and hears nothing of the application',
    async (text) => {
      const engine = newEngine();
      await engine.start();
      const asked = await engine.onCandidateTurn(text, 'c1');
      expect(asked.isEnded).toBe(false);
      expect(asked.actions).toEqual([]);
      expect(asked.utterance).toBe(
        'No problem. Is there a better time to reach Jordan on this number?',
      );
      // "He's usually back by six" reads as a third person again: it is still the answer.
      const end = await engine.onCandidateTurn("He's usually back by six tonight.", 'c2');
      expect(end.utterance).toBe('Thank you. We will try Jordan again then. Goodbye.');
      const callback = end.actions.find((action) => action.type === 'scheduleCallback');
      expect(callback?.type === 'scheduleCallback' && callback.callback.requestedAt).toBe(
        '2026-11-25T18:00:00.000Z',
      );
      // Said by the person who answered, not the candidate: the recruiter's page says so.
      expect(callback?.type === 'scheduleCallback' && callback.callback.askedBy).toBe(
        'someone_else',
      );
      expect(end.actions).toContainEqual({ type: 'endCall', reason: 'callback_requested' });
    },
  );

  it('a time said with the absence is the callback, with no question first', async () => {
    const engine = newEngine();
    await engine.start();
    const end = await engine.onCandidateTurn(
      "This is his brother, he's at work. Call back tomorrow at 10 am.",
      'c1',
    );
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'callback_requested' });
    expect(end.utterance).not.toMatch(/Northwind|Senior Backend|recorded/);
  });

  it('silence after "when can we reach them?" asks that again, not the identity question', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn("She's at work.", 'c1');
    const silence = await engine.onSilence();
    expect(silence.utterance).toBe(
      'Are you still there? Is there a better time to reach Jordan on this number?',
    );
  });

  it('no time known: the candidate is tried again another time', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn("She's at work.", 'c1');
    const end = await engine.onCandidateTurn("Honestly I don't know, she works odd hours.", 'c2');
    expect(end.utterance).toBe(
      'No problem. We will try Jordan again another time. Thank you, goodbye.',
    );
    const callback = end.actions.find((action) => action.type === 'scheduleCallback');
    expect(callback?.type === 'scheduleCallback' && callback.callback.requestedAt).toBeNull();
    expect(callback?.turnId).toBe('c2');
  });

  it('"stop calling" from whoever answers is an opt-out, even while asked when to call back', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn("She's not here.", 'c1');
    const end = await engine.onCandidateTurn('Actually just stop calling this number.', 'c2');
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'opted_out' });
  });

  it('asks no question more than twice, then records it as not determined and goes on', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const first = await engine.onCandidateTurn('Before that, which team is it?', 'c3');
    expect(first.stepId).toBe('knockout:work-authorization');
    const second = await engine.onCandidateTurn('And is it remote?', 'c4');
    expect(second.stepId).toBe('knockout:notice-period');
    expect(second.actions).toContainEqual({
      type: 'recordAnswer',
      answer: {
        kind: 'knockout',
        stepId: 'knockout:work-authorization',
        answer: expect.objectContaining({ passed: null, value: null }) as unknown,
      },
    });
  });

  it('ends at once on opt-out, from any step', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const end = await engine.onCandidateTurn('Stop calling me.', 'c9');
    expect(end.isEnded).toBe(true);
    expect(end.actions).toEqual([
      { type: 'optOut', turnId: 'c9' },
      { type: 'endCall', reason: 'opted_out' },
    ]);
  });

  it.each([
    "I don't want to be recorded.",
    'Please do not record this call.',
    "I'm not comfortable with being recorded.",
    'Can you turn off the recording?',
    "I'd prefer you didn't record this.",
  ])('LAW-5: "%s" stops the recording once, keeps the interview going', async (words) => {
    const engine = newEngine();
    const knockout = await toFirstKnockout(engine);
    const reply = await engine.onCandidateTurn(words, 'c4');
    expect(reply.actions).toEqual([{ type: 'stopRecording', turnId: 'c4' }]);
    expect(reply.isEnded).toBe(false);
    expect(reply.utterance).toMatch(/no audio of this call will be kept/);
    expect(reply.utterance).toContain(plan.steps[2]!.prompt);
    expect(reply.stepId).toBe(knockout.stepId);
    expect(engine.getState().isRecordingDeclined).toBe(true);
    const again = await engine.onCandidateTurn(words, 'c5');
    expect(again.actions).toEqual([]);
  });

  it('a question about the recording is a question, not a refusal', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const reply = await engine.onCandidateTurn('Is this call being recorded?', 'c4');
    expect(reply.actions.map((action) => action.type)).not.toContain('stopRecording');
  });

  it('ends politely with the wrong person, and says nothing from the resume', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Yes.', 'c1');
    const end = await engine.onCandidateTurn('No, you have the wrong person.', 'c2');
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'wrong_person' });
    expect(end.utterance).not.toMatch(/Parcelly|TypeScript|Jordan/);
  });

  it('repeats the question on request', async () => {
    const engine = newEngine();
    const knockout = await toFirstKnockout(engine);
    const again = await engine.onCandidateTurn('Sorry, can you repeat that?', 'c3');
    expect(again.utterance).toContain(plan.steps[2]!.prompt);
    expect(again.stepId).toBe(knockout.stepId);
  });

  it('prompts twice on silence, then ends with no_response', async () => {
    const engine = newEngine();
    await engine.start();
    expect((await engine.onSilence()).isEnded).toBe(false);
    expect((await engine.onSilence()).isEnded).toBe(false);
    const end = await engine.onSilence();
    expect(end.actions).toEqual([{ type: 'endCall', reason: 'no_response' }]);
  });

  it('resets the silence count when the candidate speaks', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onSilence();
    await engine.onSilence();
    await engine.onCandidateTurn('Yes, sorry, go ahead.', 'c1');
    expect((await engine.onSilence()).isEnded).toBe(false);
  });

  it('starts the silence count again when the call resumes after a cut', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onSilence();
    await engine.onSilence();
    // Cut off (a reload, a crash) and back: the prompts before the cut do not end the new line.
    expect((await engine.start()).utterance).toMatch(/^Sorry, we were cut off\./);
    const prompt = await engine.onSilence();
    expect(prompt.isEnded).toBe(false);
    expect(prompt.utterance).toMatch(/^Are you still there\?/);
  });

  it('answers a question from the job description and returns to the question', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const output = await engine.onCandidateTurn('Is the role remote?', 'c3');
    expect(output.utterance).toContain('remotely');
    expect(output.utterance).toContain('back to my question');
    expect(output.stepId).toBe('knockout:work-authorization');
  });

  it('notes a question the description cannot answer for the recruiter', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const output = await engine.onCandidateTurn('Do you offer a gym membership?', 'c3');
    expect(output.actions).toContainEqual({
      type: 'noteQuestion',
      question: 'Do you offer a gym membership?',
      turnId: 'c3',
      isAnswered: false,
    });
  });

  it('steers an off-topic answer to a resume question back once', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    await engine.onCandidateTurn('Yes, I am.', 'c3');
    await engine.onCandidateTurn('Two weeks.', 'c4');
    const tailored = await engine.onCandidateTurn('About 150k.', 'c5');
    expect(tailored.stepId).toBe('tailored:1');
    const output = await engine.onCandidateTurn('Lovely weather today, huh.', 'c6');
    expect(output.utterance).toContain('stay with the interview');
    expect(output.stepId).toBe('tailored:1');
  });

  it('closes when the time limit passes', async () => {
    let now = NOW;
    const engine = new InterviewEngine(plan, { now: () => now, maxDurationMs: 60_000 });
    await toFirstKnockout(engine);
    now += 120_000;
    const end = await engine.onCandidateTurn('Yes, I am.', 'c3');
    expect(end.actions).toContainEqual({ type: 'endCall', reason: 'time_limit' });
    expect(end.actions.some((action) => action.type === 'recordAnswer')).toBe(true);
  });

  it('resumes from a saved state where it stopped', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const saved = JSON.parse(JSON.stringify(engine.getState())) as ReturnType<
      InterviewEngine['getState']
    >;
    const resumed = new InterviewEngine(plan, { now: () => NOW }, saved);
    const output = await resumed.onCandidateTurn('Yes, I am.', 'c3');
    expect(output.stepId).toBe('knockout:notice-period');
    const restarted = await new InterviewEngine(plan, {}, saved).start();
    expect(restarted.utterance).toContain(plan.steps[2]!.prompt);
  });

  it('ignores input after the end', async () => {
    const engine = newEngine();
    await engine.start();
    await engine.onCandidateTurn('Stop calling me.', 'c1');
    expect(await engine.onCandidateTurn('Hello?', 'c2')).toMatchObject({
      utterance: null,
      actions: [],
    });
  });
});

describe('personas', () => {
  it.each(PERSONA_NAMES)('%s reaches its end state and scorecard', async (name) => {
    const screen = await runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, name, { now: () => NOW });
    const expected = expectedPersonaOutcome(name, screen.plan);
    expect(screen.endReason).toBe(expected.endReason);
    expect(screen.scorecard !== null).toBe(expected.hasScorecard);
    if (expected.suggestion !== null)
      expect(screen.scorecard?.suggestion).toBe(expected.suggestion);
    for (const criterion of screen.scorecard?.criteria ?? []) {
      for (const evidence of criterion.evidence) {
        const turn = screen.transcript.find((item) => item.id === evidence.turnId);
        expect(turn?.speaker).toBe('candidate');
        expect(turn?.text).toContain(evidence.quote);
      }
    }
    for (const turn of screen.transcript.filter((item) => item.speaker === 'agent')) {
      expect(turn.text).not.toMatch(/\d/);
      // One thanks at a time: "Thank you. Thank you for your time." was said before.
      expect(turn.text).not.toMatch(/\b(thank you|thanks)\b[^.]*\. (thank you|thanks)\b/i);
    }
    if (name === 'wrong-person') {
      const agentText = screen.transcript
        .filter((t) => t.speaker === 'agent')
        .map((t) => t.text)
        .join(' ');
      for (const item of ['Parcelly', 'Tallyworks', 'TypeScript', 'Texas'])
        expect(agentText).not.toContain(item);
    }
  });

  it('a full qualified screen has about twelve candidate turns and two resume questions', async () => {
    const screen = await runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, 'qualified');
    const candidateTurns = screen.transcript.filter((turn) => turn.speaker === 'candidate');
    expect(candidateTurns.length).toBeGreaterThanOrEqual(8);
    const agentText = screen.transcript.filter((t) => t.speaker === 'agent');
    const naming = agentText.filter((turn) =>
      /Parcelly|TypeScript|Tallyworks|PostgreSQL/.test(turn.text),
    );
    expect(naming.length).toBeGreaterThanOrEqual(2);
  });
});

describe('scoreInterview', () => {
  it('LAW-7: scores what was said only: age, birth date and photo on the resume change nothing', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const screen = await runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, 'qualified', {
      now: () => now.getTime(),
    });
    const withBiasFields = {
      ...SAMPLE_RESUME,
      summary: `${SAMPLE_RESUME.summary ?? ''} Date of birth: 12 March 1961. Age: 65. Married, two children. Photo attached.`,
    };
    const plain = scoreInterview(buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME), screen.transcript, {
      now,
    });
    const biased = scoreInterview(
      buildInterviewPlan(SAMPLE_JOB, withBiasFields),
      screen.transcript,
      {
        now,
      },
    );
    expect(plain).not.toBeNull();
    expect(biased).toEqual(plain);
    // The scorecard suggests; the words are never a decision.
    expect(['advance', 'review', 'decline_suggested']).toContain(plain?.suggestion);
  });

  it('scores only what was said: no candidate answers, no scorecard', () => {
    expect(
      scoreInterview(plan, [{ id: 'a1', speaker: 'agent', text: plan.steps[0]!.prompt }]),
    ).toBeNull();
  });

  it('gives the lowest score without evidence and reports unanswered knock-outs', () => {
    const scorecard = scoreInterview(plan, [
      { id: 'a1', speaker: 'agent', text: plan.steps[2]!.prompt },
      { id: 'c1', speaker: 'candidate', text: 'Yes.' },
    ]);
    expect(
      scorecard?.criteria.every(
        (criterion) => criterion.score === 1 && criterion.evidence.length === 0,
      ),
    ).toBe(true);
    expect(scorecard?.knockouts[0]).toMatchObject({ passed: true, turnId: 'c1', answer: 'Yes.' });
    expect(scorecard?.knockouts[1]).toMatchObject({ passed: null, turnId: null });
    expect(scorecard?.suggestion).toBe('review');
  });

  it('never takes a knock-out answer as evidence of a skill', () => {
    const knockout = plan.steps.find((step) => step.kind === 'knockout');
    const tailored = plan.steps.find((step) => step.kind === 'tailored');
    // Words of every criterion, said in answer to a knock-out: eligibility, not a skill.
    const rubricWords = plan.rubric.map((item) => `I have done ${item.name}.`).join(' ');
    const scorecard = scoreInterview(plan, [
      { id: 'a1', speaker: 'agent', text: knockout!.prompt },
      { id: 'c1', speaker: 'candidate', text: `Yes. ${rubricWords}` },
      { id: 'a2', speaker: 'agent', text: tailored!.prompt },
      { id: 'c2', speaker: 'candidate', text: 'I like fishing on weekends.' },
    ]);
    expect(scorecard?.criteria.flatMap((item) => item.evidence)).toEqual([]);
  });

  it('a criterion nothing was said about is not determined: out of the average, named, never advanced', () => {
    const tailored = plan.steps.filter((step) => step.kind === 'tailored');
    const [spoken, ...unspoken] = plan.rubric;
    const transcript = [
      ...plan.knockouts.flatMap((knockout, index) => {
        const step = plan.steps.find((item) => item.knockoutId === knockout.id)!;
        return [
          { id: `ka${index}`, speaker: 'agent' as const, text: step.prompt },
          {
            id: `kc${index}`,
            speaker: 'candidate' as const,
            text: CLEAR_ANSWERS[step.id] ?? 'Yes.',
          },
        ];
      }),
      ...tailored.flatMap((step, index) => [
        { id: `ta${index}`, speaker: 'agent' as const, text: step.prompt },
        {
          id: `tc${index}`,
          speaker: 'candidate' as const,
          text:
            index === 0
              ? `${spoken!.name} is my strength: I built and ran twelve production services at Globex and cut their latency by half; I led the on-call rotation myself.`
              : 'I would rather not go into that.',
        },
      ]),
    ];
    const scorecard = scoreInterview(plan, transcript, { now: new Date('2026-11-25T15:00:00Z') });
    expect(scorecard?.knockouts.every((item) => item.passed === true)).toBe(true);
    const determined = scorecard?.criteria.filter((item) => item.evidence.length > 0) ?? [];
    expect(determined.map((item) => item.id)).toContain(spoken!.id);
    const notDetermined = scorecard?.criteria.filter((item) => item.evidence.length === 0) ?? [];
    expect(notDetermined.length).toBeGreaterThan(0);
    for (const item of notDetermined) {
      expect(item.explanation).toMatch(/^Not determined/);
      expect(scorecard?.summary).toContain(item.name);
    }
    expect(scorecard?.summary).toContain('Not determined');
    expect(scorecard?.suggestion).toBe('review');
    // Only what was said is averaged: the floor of the unspoken criteria does not pull it down.
    const weightOf = (id: string) => plan.rubric.find((item) => item.id === id)?.weight ?? 1;
    const expected =
      determined.reduce((sum, item) => sum + item.score * weightOf(item.id), 0) /
      determined.reduce((sum, item) => sum + weightOf(item.id), 0);
    expect(overallScore(plan, scorecard!)).toBeCloseTo(expected, 2);
    expect(unspoken.length).toBeGreaterThan(0);
  });

  it('with one criterion scored, the summary says so instead of calling it strongest and weakest', () => {
    const [first, ...others] = plan.rubric;
    const scorecard = assembleScorecard(
      plan,
      {
        answerTurns: [{ id: 'c1', speaker: 'candidate', text: 'I kinda did some of it I guess.' }],
        evidenceTurns: [],
        knockouts: [],
        tailoredAsked: 1,
        tailoredTotal: 1,
        questionsNoted: 0,
      },
      [
        {
          id: first!.id,
          name: first!.name,
          score: 2,
          evidence: [{ quote: 'x', turnId: 'c1' }],
          explanation: '',
        },
        ...others.map((item) => ({
          id: item.id,
          name: item.name,
          score: 1,
          evidence: [],
          explanation: '',
        })),
      ],
    );
    expect(scorecard.summary).toContain(`Only ${first!.name} could be scored: 2/5.`);
    expect(scorecard.summary).not.toContain('Strongest');
  });

  it('suggests decline on a failed knock-out, never decides', () => {
    const scorecard = scoreInterview(plan, [
      { id: 'a1', speaker: 'agent', text: `Thanks. ${plan.steps[2]!.prompt}` },
      { id: 'c1', speaker: 'candidate', text: 'No, I would need a visa.' },
    ]);
    expect(scorecard?.suggestion).toBe('decline_suggested');
    expect(scorecard?.summary).toContain('a person makes the decision');
  });
});

describe('scripted reading of general answers', () => {
  it('follows up on an unreadable knock-out answer instead of calling it off topic', async () => {
    const engine = newEngine();
    await toFirstKnockout(engine);
    const output = await engine.onCandidateTurn('I live in Austin.', 'c3');
    expect(output.utterance).toContain('yes or a no');
    const answered = await engine.onCandidateTurn('Green card holder.', 'c4');
    expect(answered.stepId).toBe('knockout:notice-period');
  });

  it('says who is calling when asked, and nothing about the application before the candidate confirms', async () => {
    const engine = newEngine();
    await engine.start();
    const output = await engine.onCandidateTurn('Who is this?', 'c1');
    expect(output.utterance).toMatch(/AI assistant calling about a job application/);
    expect(output.utterance).toMatch(/Am I speaking with Jordan\?$/);
    expect(output.utterance).not.toMatch(/Northwind|Senior Backend/);
  });

  it.each([
    "Don't call me again.",
    'Please remove my number.',
    'Never call me.',
    'Stop calling me!',
  ])('reads "%s" as an opt-out', async (text) => {
    const engine = newEngine();
    await engine.start();
    expect((await engine.onCandidateTurn(text, 'c1')).actions).toContainEqual({
      type: 'optOut',
      turnId: 'c1',
    });
  });
});

describe('buildInterviewPlan on thin resumes', () => {
  const empty = {
    ...SAMPLE_RESUME,
    skills: [],
    education: [],
    certifications: [],
    languages: [],
    experience: [],
  };
  it.each([
    ['skills only', { ...empty, skills: ['Rust', 'Terraform'] }, ['Rust', 'Terraform']],
    [
      'a title without employer',
      {
        ...empty,
        experience: [
          {
            employer: null,
            title: 'Site Reliability Engineer',
            start: null,
            end: null,
            description: null,
          },
        ],
        languages: ['French'],
      },
      ['Site Reliability Engineer', 'French'],
    ],
    [
      'a school and a certificate',
      {
        ...empty,
        certifications: ['CKA'],
        education: [{ institution: 'McGill University', degree: null, end: null }],
      },
      ['CKA', 'McGill University'],
    ],
  ])('%s: two questions name the resume', (_name, resume, names) => {
    const tailored = buildInterviewPlan(SAMPLE_JOB, resume).steps.filter(
      (step) => step.kind === 'tailored',
    );
    for (const name of names)
      expect(tailored.some((step) => step.prompt.includes(name))).toBe(true);
    expect(tailored.length).toBeLessThanOrEqual(4);
  });

  it('an empty resume still gets two to four questions', () => {
    const tailored = buildInterviewPlan(SAMPLE_JOB, empty).steps.filter(
      (step) => step.kind === 'tailored',
    );
    expect(tailored.length).toBeGreaterThanOrEqual(2);
    expect(tailored.length).toBeLessThanOrEqual(4);
  });
});

describe('the failure kinds of issue 15, as personas', () => {
  const run = (name: (typeof PERSONA_NAMES)[number]) =>
    runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, name, { now: () => NOW });
  const agentLines = (screen: Awaited<ReturnType<typeof run>>): string[] =>
    screen.transcript.filter((turn) => turn.speaker === 'agent').map((turn) => turn.text);

  it('negations: "I can\'t do that anymore" is read as no, never as yes', async () => {
    const screen = await run('negations');
    const yesNo = screen.scorecard?.knockouts.find((item) => item.id === 'work-authorization');
    expect(yesNo).toMatchObject({ passed: false, value: false });
  });

  it('wrong-numbers: a number about something else never meets a pay question', async () => {
    const screen = await run('wrong-numbers');
    const salary = screen.scorecard?.knockouts.find((item) => item.id === 'salary-expectation');
    expect(salary).toMatchObject({ passed: null, value: null });
  });

  it('plain-spoken: everyday answers are read without a clarification', async () => {
    const screen = await run('plain-spoken');
    expect(agentLines(screen).join(' ')).not.toMatch(/yes or a no|did not get a (figure|date)/);
    expect(screen.scorecard?.knockouts.map((item) => item.passed)).toEqual([true, true, true]);
    expect(screen.scorecard?.knockouts.map((item) => item.value)).toEqual([true, 14, 155_000]);
  });

  it('asks-back: no question is asked more than twice, and the screen ends', async () => {
    const screen = await run('asks-back');
    expect(screen.endReason).toBe('finished');
    for (const step of screen.plan.steps.filter((item) => item.kind === 'knockout')) {
      const asked = agentLines(screen).filter((line) => line.includes(step.prompt)).length;
      expect(asked).toBeLessThanOrEqual(2);
    }
    expect(screen.scorecard?.knockouts.every((item) => item.passed === null)).toBe(true);
  });

  it('third-person: a relative hears nothing about the application, and the candidate is called back when they say', async () => {
    const screen = await run('third-person');
    expect(screen.endReason).toBe('callback_requested');
    const callback = screen.actions.find((action) => action.type === 'scheduleCallback');
    expect(callback?.type === 'scheduleCallback' && callback.callback.requestedAt).toBeTruthy();
    expect(agentLines(screen).join(' ')).toMatch(/better time to reach/);
    expect(agentLines(screen).join(' ')).not.toMatch(/Northwind|Senior Backend|recorded/);
  });
});
