import { describe, expect, it } from 'vitest';
import type { ParsedResume } from '../resume/parsed-resume.js';
import { DEMO_JOB } from '../jobs/demo-job.js';
import { buildInterviewPlan } from './interview-plan.js';
import { requiredYears, showsRequiredYears } from './years-of-experience.js';

const NOW = new Date('2026-12-04T12:00:00Z');

function resumeWith(experience: ParsedResume['experience']): ParsedResume {
  return {
    name: 'Dana Whitfield',
    email: null,
    phone: null,
    location: null,
    links: [],
    summary: null,
    skills: ['TypeScript', 'PostgreSQL'],
    experience,
    education: [],
    languages: [],
    certifications: [],
  };
}

const nineYearsBackend = resumeWith([
  {
    employer: 'Ledgerly',
    title: 'Senior Backend Engineer',
    start: '2021-03',
    end: 'present',
    description: 'Built event-driven billing services on PostgreSQL and Kafka',
  },
  {
    employer: 'Shipwise',
    title: 'Backend Engineer',
    start: '2017-06',
    end: '2021-02',
    description: 'Go and Python APIs',
  },
]);

describe('years of experience in a requirement', () => {
  it('reads the years a requirement asks for', () => {
    expect(requiredYears('5+ years building backend services in production')).toBe(5);
    expect(requiredYears('Two or more years operating forklifts')).toBeNull();
    expect(requiredYears('3 or more years of Python')).toBe(3);
  });

  it('dated roles in that kind of work count, overlapping ones once', () => {
    const requirement = '5+ years building backend services in production';
    expect(showsRequiredYears(requirement, nineYearsBackend, NOW)).toBe(true);
    const twoYears = resumeWith([
      {
        employer: 'A',
        title: 'Backend Engineer',
        start: '2024-01',
        end: 'present',
        description: null,
      },
      {
        employer: 'B',
        title: 'Backend Developer',
        start: '2024-06',
        end: '2025-06',
        description: null,
      },
    ]);
    expect(showsRequiredYears(requirement, twoYears, NOW)).toBe(false);
    const otherWork = resumeWith([
      {
        employer: 'C',
        title: 'Customer Service Lead',
        start: '2010',
        end: 'present',
        description: null,
      },
    ]);
    expect(showsRequiredYears(requirement, otherWork, NOW)).toBe(false);
  });

  it('the plan no longer tells a nine-year backend engineer the years are missing from the resume', () => {
    // The demo job with only its years requirement, so it is the one gap the plan could ask about.
    const job = {
      id: 'demo',
      ...DEMO_JOB,
      requirements: ['5+ years building backend services in production'],
    };
    const plan = buildInterviewPlan(job, nineYearsBackend, { now: NOW });
    const prompts = plan.steps.map((step) => step.prompt).join('\n');
    expect(prompts).not.toMatch(/five or more years building backend services.*did not see/i);
    const junior = resumeWith([
      {
        employer: 'A',
        title: 'Backend Engineer',
        start: '2024-01',
        end: 'present',
        description: null,
      },
    ]);
    const juniorPlan = buildInterviewPlan(job, junior, { now: NOW });
    expect(juniorPlan.steps.map((step) => step.prompt).join('\n')).toMatch(
      /five or more years building backend services in production\. I did not see that on your resume/i,
    );
  });
});
