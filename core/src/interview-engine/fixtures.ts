import type { PlanJob } from './interview-plan.js';
import type { ParsedResume } from '../resume/parsed-resume.js';

/** A hand-written parsed resume for tests, the CLI default and the benchmark. */
export const SAMPLE_RESUME: ParsedResume = {
  name: 'Jordan Rivera',
  email: 'jordan.rivera@example.com',
  phone: '+12133734253',
  location: 'Austin, TX',
  links: ['https://github.com/jordanrivera'],
  summary: 'Backend engineer who builds and runs high-traffic services.',
  skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'Redis', 'Docker'],
  experience: [
    {
      employer: 'Parcelly',
      title: 'Senior Software Engineer',
      start: '2021-03',
      end: 'present',
      description: 'Built the shipment tracking API in TypeScript on PostgreSQL; led on-call.',
    },
    {
      employer: 'Tallyworks',
      title: 'Software Engineer',
      start: '2017-06',
      end: '2021-02',
      description: 'Payments backend in Node.js; mentored two junior engineers.',
    },
  ],
  education: [
    { institution: 'University of Texas at Austin', degree: 'BS Computer Science', end: '2017' },
  ],
  languages: ['English', 'Spanish'],
  certifications: [],
};

/** The demo job's shape, for core tests that have no database. */
export const SAMPLE_JOB: PlanJob = {
  id: 'job-1',
  title: 'Senior Backend Engineer',
  company: 'Northwind Labs',
  description:
    'Northwind Labs builds logistics software used by four hundred warehouses. You will design and run the services that route shipments in real time: TypeScript on Node.js, PostgreSQL, and event streams on Kafka, deployed on Kubernetes in AWS. The team works remotely across North American time zones, with core hours from eleven to three Eastern. Salary range one hundred forty to one hundred seventy thousand US dollars, equity, and four weeks of paid leave. The process is this screen, a technical conversation with two engineers, and a final conversation with the head of engineering.',
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
};
