import type { Job, Knockout, RubricCriterion } from '../jobs/job.js';
import type { ParsedResume } from '../resume/parsed-resume.js';
import { forTheEar } from './speech.js';
import { keywordStems, words } from './text-analysis.js';
import { showsRequiredYears } from './years-of-experience.js';

export type PlanStepKind =
  'opening' | 'identity' | 'knockout' | 'tailored' | 'candidate_questions' | 'close';

/** One thing the agent says and waits for. `prompt` is written for the ear and said verbatim. */
export interface PlanStep {
  id: string;
  kind: PlanStepKind;
  prompt: string;
  /** Said once when the answer is vague. */
  followUp: string;
  /** For knock-outs: the job's knock-out id. */
  knockoutId?: string;
  /** Words from the candidate's own resume that the prompt names (employer, skill...). */
  resumeMentions: string[];
  /**
   * What an answer to this question must hold, and what is asked once when it does not: the skill
   * asked about ("Python and Go, mostly" to a question about TypeScript), or how long, for a
   * requirement in years ("five or more years building backend services"). Plans saved before it
   * have none.
   */
  expects?: { kind: 'skill'; name: string; followUp: string } | { kind: 'years'; followUp: string };
}

/** The whole screen for one candidate and one job; serialisable, built once per interview. */
export interface InterviewPlan {
  version: 1;
  jobId: string;
  company: string;
  role: string;
  /** Where the job is (the job's own field); plans saved before it was kept have none. */
  location?: string;
  candidateFirstName: string | null;
  /**
   * How the candidate takes the screen: on the phone, or in their browser (web mode), where no
   * one calls back and a screen put off is taken again from the candidate's link. Plans saved
   * before it was kept have none and are phone plans.
   */
  channel?: ScreenChannel;
  jobDescription: string;
  requirements: string[];
  knockouts: Knockout[];
  rubric: RubricCriterion[];
  steps: PlanStep[];
}

export type ScreenChannel = 'phone' | 'web';

/** The job fields the plan reads (a full `Job` fits). */
export type PlanJob = Pick<
  Job,
  'id' | 'title' | 'company' | 'description' | 'requirements' | 'knockouts' | 'rubric'
> &
  Partial<Pick<Job, 'location'>>;

/**
 * Templates made speakable, by template. The templates are this file's constants and the job's
 * questions, the same for every plan, and shaping them is the larger part of building one; the
 * bound keeps a long-running server's memory flat however many jobs it sees.
 */
const SPOKEN_TEMPLATES = new Map<string, string>();
const MAX_SPOKEN_TEMPLATES = 2_000;

function spokenTemplate(template: string): string {
  const known = SPOKEN_TEMPLATES.get(template);
  if (known !== undefined) return known;
  const spoken = forTheEar(template);
  if (SPOKEN_TEMPLATES.size >= MAX_SPOKEN_TEMPLATES) SPOKEN_TEMPLATES.clear();
  SPOKEN_TEMPLATES.set(template, spoken);
  return spoken;
}

/** Fills `{name}` placeholders after making the template speakable, so names stay as written. */
function say(template: string, values: Record<string, string> = {}): string {
  return spokenTemplate(template).replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');
}

/** Share of a requirement's meaningful words that the resume shows (0..1). */
function coverage(requirement: string, resumeStems: Set<string>): number {
  const stems = [...keywordStems(requirement)].filter((item) => !/^\d/.test(item));
  if (stems.length === 0) return 1;
  return stems.filter((item) => resumeStems.has(item)).length / stems.length;
}

function resumeText(resume: ParsedResume): string {
  return [
    resume.summary,
    ...resume.skills,
    ...resume.certifications,
    ...resume.experience.flatMap((entry) => [entry.employer, entry.title, entry.description]),
    ...resume.education.flatMap((entry) => [entry.institution, entry.degree]),
  ]
    .filter((part): part is string => typeof part === 'string')
    .join(' ');
}

/** True when the skill shows up in the requirement ("TypeScript" in "TypeScript or Node.js"). */
function isSkillInRequirement(skill: string, requirement: string): boolean {
  const skillWords = words(skill);
  const requirementWords = new Set(words(requirement));
  return skillWords.length > 0 && skillWords.every((word) => requirementWords.has(word));
}

function firstName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first === undefined || first === '' ? null : first;
}

const TAILORED_FOLLOW_UP = 'Could you give me one concrete example, with what you did yourself?';
/** Asked once when an answer about a requirement in years says nothing of how long. */
const YEARS_FOLLOW_UP = 'Roughly how many years of that would you say you have?';
/** "5+ years", "three or more years", "at least 2 years of": a requirement measured in years. */
const YEARS_IN_REQUIREMENT =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(\+|plus)?\s*(or more\s+)?years?\b/i;
/** Asked once when an answer to a question about a skill never names that skill. */
const SKILL_FOLLOW_UP = 'And {skill} itself: where have you used it, and what did you do with it?';

/**
 * Builds the screen: opening and disclosure, identity check, the job's knock-outs, two to four
 * questions tailored to the resume against the requirements, the candidate's questions, a close.
 */
export function buildInterviewPlan(
  job: PlanJob,
  resume: ParsedResume,
  options: { candidateName?: string | null; now?: Date; channel?: ScreenChannel } = {},
): InterviewPlan {
  const candidateFirstName = firstName(options.candidateName ?? resume.name);
  const isWeb = options.channel === 'web';
  const values = { company: job.company, role: job.title, name: candidateFirstName ?? '' };
  // Identity first: whoever answers hears that an AI assistant is calling about a job application,
  // and nothing more (employer, role, recording) until they say they are the candidate.
  const who = candidateFirstName ?? 'the person who applied';
  const steps: PlanStep[] = [
    {
      id: 'identity',
      kind: 'identity',
      // The same words in the browser: the product calls that a web call too.
      prompt: say(
        'Hello, this is an AI assistant calling about a job application. Am I speaking with {who}?',
        { who },
      ),
      followUp: say('Sorry, just to be sure I have the right person: am I speaking with {who}?', {
        who,
      }),
      resumeMentions: [],
    },
    {
      id: 'opening',
      kind: 'opening',
      // In the browser nobody calls back: a screen put off is taken later from the candidate's link.
      prompt: say(
        isWeb
          ? 'I am here for {company} about your application for the {role} role. ' +
              'This conversation is recorded and transcribed, and it takes about ten minutes. ' +
              'If now is not convenient, you can come back to it later. Is now a good time to talk?'
          : 'I am calling for {company} about your application for the {role} role. ' +
              'This call is recorded and transcribed, and it takes about ten minutes. ' +
              'If now is not convenient, I can call you back later. Is now a good time to talk?',
        values,
      ),
      followUp: say(
        isWeb
          ? 'It takes about ten minutes. Would you like to go ahead now, or would you rather come back to it later?'
          : 'It takes about ten minutes. Would you like to go ahead now, or shall I call you back later?',
      ),
      resumeMentions: [],
    },
  ];

  for (const knockout of job.knockouts) {
    steps.push({
      id: `knockout:${knockout.id}`,
      kind: 'knockout',
      knockoutId: knockout.id,
      prompt: say(knockout.question),
      followUp: knockoutFollowUp(knockout, say(knockout.question)),
      resumeMentions: [],
    });
  }

  steps.push(...tailoredSteps(job, resume, options.now ?? new Date()));

  steps.push(
    {
      id: 'candidate-questions',
      kind: 'candidate_questions',
      prompt: say(
        'Those are all my questions. What would you like to know about the role or the team?',
      ),
      followUp: say('Is there anything else you would like to know?'),
      resumeMentions: [],
    },
    {
      id: 'close',
      kind: 'close',
      prompt: say(
        'Thank you for your time. The recruiting team at {company} will review this conversation and a person ' +
          'will get back to you about next steps within a few days. Goodbye.',
        values,
      ),
      followUp: '',
      resumeMentions: [],
    },
  );

  return {
    version: 1,
    jobId: job.id,
    company: job.company,
    role: job.title,
    ...(job.location === undefined || job.location === '' ? {} : { location: job.location }),
    candidateFirstName,
    ...(options.channel === undefined ? {} : { channel: options.channel }),
    jobDescription: job.description,
    requirements: job.requirements,
    knockouts: job.knockouts,
    rubric: job.rubric,
    steps,
  };
}

/** The knock-out asked again in other words, once, when the first answer did not give it. */
function knockoutFollowUp(knockout: Knockout, prompt: string): string {
  const question = (prompt.split(/(?<=[.?!])\s+/).at(-1) ?? prompt).replace(/[?.!]+$/, '');
  switch (knockout.answerType) {
    case 'yes_no':
      return `Just so I record it correctly: ${lowerFirst(question)}? A yes or a no is fine.`;
    case 'number':
      // Said after a mumble and after "I'm open" alike: neither an apology nor a reproach.
      return knockout.unit === undefined || question.includes(forTheEar(knockout.unit))
        ? `Even a rough number or a range helps: ${lowerFirst(question)}?`
        : say(`Even a rough number or a range helps: ${lowerFirst(question)}, in {unit}?`, {
            unit: forTheEar(knockout.unit),
          });
    case 'duration_days':
      return `Roughly is fine: ${lowerFirst(question)}? About how many days or weeks would that be?`;
    case 'text':
      return `Could you tell me a little more: ${lowerFirst(question)}?`;
  }
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Two to four questions about the candidate's own resume, measured against the job's requirements. */
function tailoredSteps(job: PlanJob, resume: ParsedResume, now: Date): PlanStep[] {
  const stems = keywordStems(resumeText(resume));
  const questions: PlanStep[] = [];
  const mentioned = new Set<string>();
  const add = (prompt: string, mention: string | null, expects?: PlanStep['expects']): void => {
    if (mention !== null) mentioned.add(mention.toLowerCase());
    questions.push({
      id: `tailored:${questions.length + 1}`,
      kind: 'tailored',
      prompt,
      followUp: say(TAILORED_FOLLOW_UP),
      resumeMentions: mention === null ? [] : [mention],
      ...(expects === undefined ? {} : { expects }),
    });
  };
  const aboutSkill = (skill: string): PlanStep['expects'] => ({
    kind: 'skill',
    name: skill,
    followUp: say(SKILL_FOLLOW_UP, { skill }),
  });

  const jobs = resume.experience.filter((entry) => (entry.employer ?? '').trim() !== '');
  const [latest, earlier] = jobs;
  if (latest?.employer) {
    add(
      latest.title
        ? say(
            'Your resume says you {tense} as {title} at {employer}. What is the most demanding piece of work you did there, and what was your own part in it?',
            {
              tense: latest.end === null || latest.end === 'present' ? 'work' : 'worked',
              title: latest.title,
              employer: latest.employer,
            },
          )
        : say(
            'Tell me about your work at {employer}. What did you build there, and what was your own part in it?',
            {
              employer: latest.employer,
            },
          ),
      latest.employer,
    );
  }

  const matchingSkill = resume.skills.find(
    (skill) =>
      !mentioned.has(skill.toLowerCase()) &&
      job.requirements.some((requirement) => isSkillInRequirement(skill, requirement)),
  );
  const anySkill = resume.skills.find((skill) => !mentioned.has(skill.toLowerCase()));
  if (matchingSkill !== undefined) {
    add(
      say(
        'You list {skill} on your resume, and this role relies on it. How have you used {skill} in production, and what went wrong along the way?',
        {
          skill: matchingSkill,
        },
      ),
      matchingSkill,
      aboutSkill(matchingSkill),
    );
  } else if (anySkill !== undefined) {
    add(
      say(
        'Your resume mentions {skill}. Tell me about a time it made a real difference in your work.',
        {
          skill: anySkill,
        },
      ),
      anySkill,
      aboutSkill(anySkill),
    );
  }

  // A thin resume still gets two questions about itself: an earlier employer, a school, a certificate.
  const fallbacks: [string, string][] = [
    ...(earlier?.employer
      ? [
          [
            earlier.employer,
            say(
              'Before that you were at {x}. What did you learn there that you would bring to this role?',
              { x: earlier.employer },
            ),
          ] as [string, string],
        ]
      : []),
    ...resume.skills
      .filter((skill) => !mentioned.has(skill.toLowerCase()))
      .map((skill): [string, string] => [
        skill,
        say('You also list {x}. Where did you use it last, and what did you build with it?', {
          x: skill,
        }),
      ]),
    ...resume.certifications.map((certification): [string, string] => [
      certification,
      say('You hold the {x} certification. How have you put it to use?', { x: certification }),
    ]),
    ...resume.education
      .filter((entry) => (entry.institution ?? '').trim() !== '')
      .map((entry): [string, string] => [
        entry.institution ?? '',
        say('You studied at {x}. What from that time still shapes how you work?', {
          x: entry.institution ?? '',
        }),
      ]),
    ...resume.experience
      .filter((entry) => (entry.employer ?? '').trim() === '' && (entry.title ?? '').trim() !== '')
      .map((entry): [string, string] => [
        entry.title ?? '',
        say('Your resume lists your work as {x}. What were you responsible for, day to day?', {
          x: entry.title ?? '',
        }),
      ]),
    ...(latest?.employer
      ? [
          [
            latest.employer,
            say('What would your colleagues at {x} say you are best at?', { x: latest.employer }),
          ] as [string, string],
        ]
      : []),
    ...resume.languages.map((language): [string, string] => [
      language,
      say('You list {x} among your languages. Have you used it at work?', { x: language }),
    ]),
  ];
  for (const [mention, prompt] of fallbacks) {
    if (questions.length >= 2) break;
    if (mention !== latest?.employer && mentioned.has(mention.toLowerCase())) continue;
    add(prompt, mention);
  }

  // Ask about the requirement the resume shows least, when it really is missing.
  // A requirement that names a skill the resume lists is covered, however little else it shares.
  const gaps = job.requirements
    .filter(
      (requirement) =>
        !resume.skills.some((skill) => isSkillInRequirement(skill, requirement)) &&
        !showsRequiredYears(requirement, resume, now),
    )
    .map((requirement) => ({ requirement, share: coverage(requirement, stems) }))
    .filter((item) => item.share < 0.5)
    .sort((a, b) => a.share - b.share);
  const gap = gaps[0];
  if (gap !== undefined) {
    add(
      say(
        'The role also calls for {requirement}. I did not see that on your resume. What experience do you have with it?',
        {
          requirement: forTheEar(gap.requirement.replace(/[.]$/, '')),
        },
      ),
      null,
      YEARS_IN_REQUIREMENT.test(gap.requirement)
        ? { kind: 'years', followUp: say(YEARS_FOLLOW_UP) }
        : undefined,
    );
  }
  if (questions.length < 2) {
    add(say('Tell me about the piece of work you are most proud of, and why it mattered.'), null);
  }
  if (questions.length < 2) {
    add(say('What draws you to this role at {company}?', { company: job.company }), null);
  }
  return questions.slice(0, 4);
}
