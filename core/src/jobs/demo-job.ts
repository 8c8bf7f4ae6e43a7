import type { Job } from './job.js';

/**
 * The demo job every new installation starts with: a realistic role with three knock-outs and a
 * four-criterion rubric. Shared by database seeding, core tests, the CLI and the browser tests.
 */
export const DEMO_JOB: Omit<Job, 'id' | 'createdAt' | 'updatedAt'> = {
  title: 'Senior Backend Engineer',
  company: 'Northwind Labs',
  location: 'Remote (US or Canada)',
  description:
    'Northwind Labs builds logistics software used by four hundred warehouses. As a senior backend ' +
    'engineer you will design and run the services that route shipments in real time: TypeScript on ' +
    'Node.js, PostgreSQL, and event streams on Kafka, deployed on Kubernetes in AWS. You will own ' +
    'services end to end, from design review to on-call, and mentor two to three engineers. ' +
    'The team works remotely across North American time zones, with core hours from eleven to three ' +
    'Eastern. Salary range one hundred forty to one hundred seventy thousand US dollars, equity, and ' +
    'four weeks of paid leave. The process is this screen, a technical conversation with two ' +
    'engineers, and a final conversation with the head of engineering.',
  requirements: [
    '5+ years building backend services in production',
    'TypeScript or Node.js',
    'PostgreSQL: schema design and query tuning',
    'Event-driven systems (Kafka or similar)',
    'Cloud infrastructure on AWS or GCP, with Kubernetes',
    'Mentoring other engineers',
  ],
  knockouts: [
    {
      id: 'work-authorization',
      question:
        'Are you legally authorized to work in the United States or Canada without sponsorship?',
      answerType: 'yes_no',
      accept: { equals: true },
    },
    {
      id: 'notice-period',
      question: 'How soon could you start? What is your notice period?',
      answerType: 'duration_days',
      accept: { max: 60 },
      unit: 'days',
    },
    {
      id: 'salary-expectation',
      question: 'What base salary are you looking for, in US dollars per year?',
      answerType: 'number',
      accept: { max: 180_000 },
      unit: 'USD per year',
    },
  ],
  rubric: [
    {
      id: 'backend-experience',
      name: 'Backend experience',
      description: 'Years and depth of building and running production backend services.',
      weight: 3,
    },
    {
      id: 'data-and-events',
      name: 'Data and event systems',
      description: 'PostgreSQL design and tuning; event streams such as Kafka.',
      weight: 2,
    },
    {
      id: 'ownership',
      name: 'Ownership and operations',
      description: 'Owns services end to end: design, deploys, on-call, incidents.',
      weight: 2,
    },
    {
      id: 'communication',
      name: 'Communication and mentoring',
      description: 'Explains clearly; has mentored or led other engineers.',
      weight: 1,
    },
  ],
  language: 'en',
  status: 'open',
};
