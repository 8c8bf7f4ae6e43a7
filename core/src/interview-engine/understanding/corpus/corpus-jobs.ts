import { DEMO_JOB } from '../../../jobs/demo-job.js';
import type { PlanJob } from '../../interview-plan.js';

/**
 * The jobs the understanding corpus is written against: the demo job and two unlike it (hourly
 * warehouse work, an office role with text knock-outs), so no reading is tuned to one posting.
 */
export const CORPUS_JOBS = {
  demo: { job: { id: 'demo', ...DEMO_JOB }, candidateName: 'Jordan Rivera' },
  warehouse: {
    candidateName: 'Marcus Bell',
    job: {
      id: 'warehouse',
      title: 'Warehouse Shift Lead',
      company: 'Cascade Fulfillment',
      description:
        'Cascade Fulfillment runs a two hundred thousand square foot distribution center in Joliet, Illinois. ' +
        'The shift lead runs a crew of eight to twelve pickers and forklift drivers on the evening shift. ' +
        'The evening shift runs from 6pm to 4:30am, Wednesday to Sunday. ' +
        'Pay is $22 to $25 per hour depending on experience, with a $1.50 shift differential. ' +
        'Benefits include medical, dental and vision from the first month, a 401k match of 4%, and paid time off. ' +
        'Safety gear and steel-toe boots are provided. ' +
        'We are hiring for a start date of January 5th.',
      requirements: [
        'Two or more years operating forklifts or reach trucks',
        'Leading a team on the floor',
        'Warehouse safety and OSHA practice',
      ],
      knockouts: [
        {
          id: 'evenings',
          question: 'Are you able to work evenings?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
        {
          id: 'sundays',
          question: 'The shift includes Sundays. Can you work Sundays?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
        {
          id: 'forklift-certification',
          question: 'Do you hold a current forklift certification?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
        {
          id: 'start-within-30',
          question: 'Could you start within thirty days?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
        {
          id: 'lifting',
          question: 'The role involves lifting up to fifty pounds. Can you do that safely?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
        {
          id: 'hourly-pay',
          question: 'What hourly pay are you looking for?',
          answerType: 'number',
          accept: { max: 26 },
          unit: 'USD per hour',
        },
        {
          id: 'forklift-years',
          question: 'How many years have you operated a forklift?',
          answerType: 'number',
          accept: { min: 2 },
          unit: 'years',
        },
      ],
      rubric: [
        {
          id: 'team-lead',
          name: 'Leading a team on the floor',
          description: 'Runs a crew: assigns work, coaches people, keeps the shift on target.',
          weight: 3,
        },
        {
          id: 'safety',
          name: 'Safety',
          description: 'Keeps people safe: training, inspections, fewer incidents.',
          weight: 2,
        },
        {
          id: 'equipment',
          name: 'Equipment skill',
          description: 'Operates forklifts and reach trucks well.',
          weight: 1,
        },
      ],
    },
  },
  clinic: {
    candidateName: 'Priya Nair',
    job: {
      id: 'clinic',
      title: 'Medical Billing Specialist',
      company: 'Lakeside Family Clinic',
      description:
        'Lakeside Family Clinic is a primary care practice with four physicians in Madison, Wisconsin. ' +
        'The billing specialist codes visits, submits claims and works denials with insurers. ' +
        'The role is on site, Monday to Friday, from 8am to 4:30pm. ' +
        'The salary is $48,000 to $56,000 a year. ' +
        'Benefits: health insurance, a retirement plan and fifteen days of paid time off. ' +
        'The team is three billers and an office manager.',
      requirements: [
        'Medical coding with CPT and ICD-10',
        'Claims denials and appeals',
        'Epic or a similar practice management system',
      ],
      knockouts: [
        {
          id: 'availability',
          question: 'Which days of the week are you available to work?',
          answerType: 'text',
          accept: {},
        },
        {
          id: 'certifications',
          question: 'Which billing or coding certifications do you hold?',
          answerType: 'text',
          accept: {},
        },
        {
          id: 'commute-miles',
          question: 'Roughly how far from the clinic do you live, in miles?',
          answerType: 'number',
          accept: { max: 30 },
          unit: 'miles',
        },
        {
          id: 'start',
          question: 'When could you start?',
          answerType: 'duration_days',
          accept: { max: 30 },
          unit: 'days',
        },
        {
          id: 'on-site',
          question: 'The job is on site five days a week. Is that workable for you?',
          answerType: 'yes_no',
          accept: { equals: true },
        },
      ],
      rubric: [
        {
          id: 'coding',
          name: 'Medical coding',
          description: 'Codes visits accurately with CPT and ICD-10.',
          weight: 2,
        },
        {
          id: 'denials',
          name: 'Denials and appeals',
          description: 'Works denied claims with insurers until they are paid.',
          weight: 2,
        },
      ],
    },
  },
} as const satisfies Record<string, { job: PlanJob; candidateName: string }>;

export type CorpusJobName = keyof typeof CORPUS_JOBS;
