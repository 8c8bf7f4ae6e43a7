import { z } from 'zod';

/** How a knock-out answer is read: yes/no, a number, a duration in days, or free text. */
export const ZKnockoutAnswerType = z.enum(['yes_no', 'number', 'duration_days', 'text']);
export type KnockoutAnswerType = z.infer<typeof ZKnockoutAnswerType>;

/** A stable, URL-safe identifier such as `work-authorization`. */
export const ZSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

/** What a knock-out accepts: `equals` for yes/no, `min`/`max` for numbers and durations. */
export const ZKnockoutAccept = z
  .object({
    equals: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();

/** A question whose answer can end the candidacy, with the answers the job accepts. */
export const ZKnockout = z
  .object({
    id: ZSlug,
    question: z.string().trim().min(5).max(500),
    answerType: ZKnockoutAnswerType,
    accept: ZKnockoutAccept,
    unit: z.string().trim().min(1).max(32).optional(),
  })
  .strict();
export type Knockout = z.infer<typeof ZKnockout>;

/** One line of the scorecard: what is judged and how much it weighs. */
export const ZRubricCriterion = z
  .object({
    id: ZSlug,
    name: z.string().trim().min(2).max(120),
    description: z.string().trim().max(1000).optional(),
    weight: z.number().positive().max(100),
    /** Phrases a recruiter expects a good answer to sound like ("runs a crew", "cut injuries"). */
    looksLike: z.array(z.string().trim().min(2).max(200)).max(10).optional(),
  })
  .strict();
export type RubricCriterion = z.infer<typeof ZRubricCriterion>;

export const ZJobStatus = z.enum(['open', 'closed']);
export type JobStatus = z.infer<typeof ZJobStatus>;

/** The fields a recruiter writes when creating a job. */
export const ZJobInput = z
  .object({
    title: z.string().trim().min(2).max(200),
    company: z.string().trim().min(1).max(200),
    location: z.string().trim().max(200).default(''),
    description: z.string().trim().max(20_000).default(''),
    requirements: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    knockouts: z.array(ZKnockout).max(20).default([]),
    rubric: z.array(ZRubricCriterion).max(20).default([]),
    language: z.string().trim().min(2).max(16).default('en'),
    status: ZJobStatus.default('open'),
  })
  .strict();
export type JobInput = z.input<typeof ZJobInput>;

/** A job as the API returns it. */
export const ZJob = z.object({
  id: z.string(),
  title: z.string(),
  company: z.string(),
  location: z.string(),
  description: z.string(),
  requirements: z.array(z.string()),
  knockouts: z.array(ZKnockout),
  rubric: z.array(ZRubricCriterion),
  language: z.string(),
  status: ZJobStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof ZJob>;
