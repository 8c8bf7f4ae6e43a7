import type { PlanJob } from './interview-plan.js';
import { DEMO_JOB } from '../jobs/demo-job.js';
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
export const SAMPLE_JOB: PlanJob = { id: 'job-1', ...DEMO_JOB };
