import type { InterviewPlan } from '../interview-plan.js';
import { forTheEar } from '../speech.js';
import { sentences } from '../text-analysis.js';
import { clean } from './utterance.js';

/** What a candidate's question is about; a question about nothing here is passed to the recruiter. */
export type QuestionTopic =
  | 'schedule'
  | 'pay'
  | 'location'
  | 'benefits'
  | 'start_date'
  | 'process'
  | 'team'
  | 'duties'
  | 'stack'
  | 'sponsorship'
  | 'call'
  | 'amenities'
  | 'ai'
  | 'caller';

/** Words that say what a question is about, and what a job's sentence is about. */
const TOPIC_WORDS: [QuestionTopic, RegExp][] = [
  [
    'caller',
    /\b(who (is|'s) (this|calling|that)|who are you|who am i (talking|speaking) (to|with)|(what|which) company|calling from|who do you (work for|represent)|what('s| is) (this|the call) (about|regarding)|what is this call)\b/,
  ],
  [
    'ai',
    /\b(real person|robot|bot|human|an ai|a machine|recording|recorded|(talk|speak) (to|with) (a |someone|somebody)?(real |live )?(person|human|someone|somebody))\b/,
  ],
  [
    'call',
    /\b(how long (will|is|does) (this|it|the call)|take long|how many questions|this call)\b/,
  ],
  ['amenities', /\b(parking|park|dress code|dress|cafeteria|lunch|uniform|locker)\b/],
  [
    'sponsorship',
    /\b(sponsor|sponsors|sponsoring|sponsorship|visas?|h ?1 ?b|h-1b|work permit|relocation assistance)\b/,
  ],
  [
    'stack',
    /\b(tech stack|stack|technolog\w*|programming languages?|frameworks?|databases?|what do (you|you guys|they|we) (use|build with|work with|code in)|what (languages?|database|cloud) (do|does|is|are)|which (languages?|database|cloud))\b/,
  ],
  [
    'pay',
    /\b(pay|pays|paying|paid|salary|salaries|wage|wages|rate|range|compensation|money|per hour|an hour|bonus|equity|raise|differential|\$)/,
  ],
  [
    'schedule',
    /\b(shift|shifts|hours|schedule|schedules|days|weekends?|evenings?|nights?|overtime|late|early|core hours|what time|sundays?|saturdays?|mondays?|fridays?|part time|full time|\d+ ?(am|pm))\b/,
  ],
  [
    'benefits',
    /\b(benefits?|insurance|health|medical|dental|vision|401 ?k|retirement|pto|paid time off|paid leave|vacation|leave|holidays?|boots|gear|training budget|conferences?|perks?)\b/,
  ],
  [
    'location',
    /\b(where|located|location|remote|remotely|on site|onsite|hybrid|office|parking|commute|address|city|in person)\b/,
  ],
  ['start_date', /\b(start date|start|starting|begin|when would i|how soon|timeline)\b/],
  [
    'process',
    /\b(next steps?|process|interviews?|hear back|decision|after this call|after this)\b/,
  ],
  ['team', /\b(team|teams|manager|boss|crew|how many people|coworkers|colleagues|report to)\b/],
  ['duties', /\b(what would i (be )?do|duties|responsibilities|day to day|tasks)\b/],
];

const ASKS_FOR_A_PERSON =
  /\b((talk|speak) (to|with) (a |an actual |a real |someone|somebody|the )?(real |live |actual )?(person|human|someone|somebody|recruiter|people)|(get|want|need) (a |an actual |a real )?(real |live )?(person|human)|(person|human) (i can|to|that i can) (speak|talk))\b/;
const ASKS_HOW_MANY =
  /\b(how many|how big|how large|what size|size of|team size|headcount|head count|number of)\b/;
const COUNT =
  '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a dozen|a few|several)';
/** A number of people: "a crew of eight to twelve pickers", "three billers", "a team of 6". */
const PEOPLE_COUNT = new RegExp(
  `\\b(team|crew|group|staff) of ${COUNT}\\b|\\b${COUNT}( (to|or|-) ${COUNT})? (\\w+ )?(people|persons|engineers|developers|designers|billers|nurses|physicians|doctors|pickers|drivers|agents|associates|employees|members|reports|staff|colleagues|coders|analysts|technicians|specialists|managers|workers)\\b`,
);

/** "Who is this?": the question is about who is calling, which the opening itself says. */
export function isAboutTheCaller(question: string): boolean {
  return topicsOf(question)[0] === 'caller';
}

/** The topics a text speaks about, in the order of the list above. */
export function topicsOf(text: string): QuestionTopic[] {
  const said = clean(text);
  return TOPIC_WORDS.filter(([, pattern]) => pattern.test(said)).map(([topic]) => topic);
}

/**
 * The answer to a candidate's question from the job's facts on the same topic (the description's
 * sentences about pay, schedule, location, benefits, start date, process, team), or null: then the
 * question is passed on to the recruiter. Never a sentence about another topic.
 */
export function answerFromJobFacts(plan: InterviewPlan, question: string): string | null {
  const asked = topicsOf(question);
  const topic = asked[0];
  if (topic === undefined) return null;
  if (topic === 'caller')
    return `I am an AI assistant calling for ${plan.company} about your application for the ${plan.role} role.`;
  if (topic === 'ai') {
    // "Can I talk to a real person?": the request reaches the recruiter with the question.
    if (ASKS_FOR_A_PERSON.test(clean(question))) {
      return 'I am an AI assistant, not a person. I have noted that you would like to speak with someone, and the recruiting team will see it.';
    }
    return 'I am an AI assistant, not a person. The call is recorded and transcribed, and a person on the recruiting team reviews it.';
  }
  if (topic === 'call')
    return 'It takes about ten minutes, with a few questions about the role and your experience.';
  if (topic === 'sponsorship') return sponsorshipAnswer(plan);
  if (topic === 'stack') return stackAnswer(plan);
  const facts = sentences(plan.jobDescription).filter((sentence) =>
    topicsOf(sentence).includes(topic),
  );
  if (topic === 'location') {
    const workplace = sentences(plan.jobDescription).filter(
      (sentence) =>
        /\b(remote|remotely|on site|onsite|hybrid|in person|in the office|located|based in|warehouse in|center in|office in|practice with)\b/i.test(
          sentence,
        ) || /\bin [A-Z][a-z]+, [A-Z][a-z]+/.test(sentence),
    );
    const where =
      plan.location === undefined || plan.location === ''
        ? []
        : [`The job is based in ${plan.location}.`];
    const answer = [...workplace.slice(0, 1), ...(workplace.length === 0 ? where : [])];
    return answer.length === 0 ? null : forTheEar(answer.join(' '));
  }
  if (topic === 'team' && ASKS_HOW_MANY.test(clean(question))) {
    // "How big is the team?" is answered by a head count, not by any sentence about the team.
    const counts = sentences(plan.jobDescription).filter(
      (sentence) => PEOPLE_COUNT.test(clean(sentence)) && topicsOf(sentence).includes('team'),
    );
    return counts.length === 0 ? null : forTheEar(counts.slice(0, 1).join(' '));
  }
  if (facts.length === 0) return null;
  // The sentences that match the question most closely first; two at most, so it stays short.
  const best = facts
    .map((sentence) => ({ sentence, score: sharedWords(sentence, question) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, topic === 'schedule' || topic === 'benefits' ? 2 : 1)
    .map((item) => item.sentence);
  return forTheEar(best.join(' '));
}

/**
 * Whether the job sponsors, from the job's own knock-out ("...without sponsorship?"): the only
 * place a job says it. A job that asks nothing about it leaves the question to the recruiter.
 */
function sponsorshipAnswer(plan: InterviewPlan): string | null {
  const asks = plan.knockouts.find((knockout) => /\bsponsor/i.test(knockout.question));
  return asks === undefined
    ? null
    : 'This role asks that you are authorized to work without sponsorship. The recruiter can tell you more.';
}

/**
 * "What's the tech stack?": the description's sentence naming the most of the tools the
 * requirements name (TypeScript, PostgreSQL, Kafka...), when it names at least two.
 */
function stackAnswer(plan: InterviewPlan): string | null {
  const tools = new Set(
    plan.requirements
      .flatMap((requirement) => requirement.match(/\b[A-Z][\w.+#-]*[A-Za-z+#]\b/g) ?? [])
      .map((tool) => tool.toLowerCase()),
  );
  const named = (sentence: string): number =>
    (sentence.match(/\b[A-Z][\w.+#-]*[A-Za-z+#]\b/g) ?? []).filter((word) =>
      tools.has(word.toLowerCase()),
    ).length;
  const best = sentences(plan.jobDescription)
    .map((sentence) => ({ sentence, count: named(sentence) }))
    .filter((item) => item.count >= 2)
    .sort((a, b) => b.count - a.count)[0];
  return best === undefined ? null : forTheEar(best.sentence);
}

function sharedWords(a: string, b: string): number {
  const left = new Set(clean(a).match(/[a-z]{4,}/g) ?? []);
  return (clean(b).match(/[a-z]{4,}/g) ?? []).filter((word) => left.has(word)).length;
}
