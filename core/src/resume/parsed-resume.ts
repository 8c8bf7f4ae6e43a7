import { z } from 'zod';

/** A resume date: `YYYY-MM`, `YYYY`, or `present`. */
export const ZResumeDate = z.string().regex(/^(\d{4}(-(0[1-9]|1[0-2]))?|present)$/);

/** One job on a resume. */
export const ZExperienceEntry = z.object({
  employer: z.string().nullable(),
  title: z.string().nullable(),
  start: ZResumeDate.nullable(),
  end: ZResumeDate.nullable(),
  description: z.string().nullable(),
});
export type ExperienceEntry = z.infer<typeof ZExperienceEntry>;

/** One school or degree on a resume. */
export const ZEducationEntry = z.object({
  institution: z.string().nullable(),
  degree: z.string().nullable(),
  end: ZResumeDate.nullable(),
});
export type EducationEntry = z.infer<typeof ZEducationEntry>;

/**
 * What the parser extracts from a resume (the `parse-resume` CLI prints this with `file` added).
 * Absent values are `null` or `[]`.
 */
export const ZParsedResume = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164 when the country is known, else as written. */
  phone: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
  summary: z.string().nullable(),
  skills: z.array(z.string()),
  experience: z.array(ZExperienceEntry),
  education: z.array(ZEducationEntry),
  languages: z.array(z.string()),
  certifications: z.array(z.string()),
});
export type ParsedResume = z.infer<typeof ZParsedResume>;

/** A resume with nothing read from it: every field absent. */
export const EMPTY_PARSED_RESUME: ParsedResume = {
  name: null,
  email: null,
  phone: null,
  location: null,
  links: [],
  summary: null,
  skills: [],
  experience: [],
  education: [],
  languages: [],
  certifications: [],
};

/** A resume as `POST /api/resumes` and `GET /api/resumes/:id` return it. */
export const ZResume = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  parsed: ZParsedResume,
  warnings: z.array(z.string()),
});
export type Resume = z.infer<typeof ZResume>;

/** `POST /api/resumes` answer: the resume and the candidate token that reads it later. */
export const ZUploadResumeResponse = z.object({
  resume: ZResume,
  candidateToken: z.string(),
});
export type UploadResumeResponse = z.infer<typeof ZUploadResumeResponse>;
