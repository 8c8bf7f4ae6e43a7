import { z } from 'zod';
import { ZKnockout, ZRubricCriterion } from '../jobs/job.js';
import { ZInterviewStatus, ZScorecard, ZTurnKnockout } from '../interviews/interview.js';

/** The recruiter's decision on an interview; the scorecard only suggests (LAW-7). */
export const ZDecision = z.enum(['advance', 'reject']);
export type Decision = z.infer<typeof ZDecision>;

/** `POST /api/interviews/:id/decision` body. */
export const ZDecisionRequest = z.object({ decision: ZDecision }).strict();

/** `POST /api/interviews/:id/notes` body. */
export const ZNoteRequest = z
  .object({ text: z.string().trim().min(1, 'write something first').max(4000) })
  .strict();

/** How the recruiter's interview list can be ordered. */
export const INTERVIEW_SORTS = ['newest', 'oldest', 'score_desc', 'score_asc', 'name'] as const;
export const ZInterviewSort = z.enum(INTERVIEW_SORTS);
export type InterviewSort = z.infer<typeof ZInterviewSort>;

/** Filters shared by `GET /api/interviews` and `GET /api/interviews/export.csv`. */
export const ZInterviewFilters = z.object({
  jobId: z.uuid().optional(),
  status: ZInterviewStatus.optional(),
  /** Matches the candidate's name, email or phone. */
  q: z.string().trim().max(200).optional(),
  sort: ZInterviewSort.default('newest'),
});

/** `GET /api/interviews` query: the filters plus a page. */
export const ZInterviewListQuery = ZInterviewFilters.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InterviewListQuery = z.input<typeof ZInterviewListQuery>;

const ZSuggestion = ZScorecard.shape.suggestion;

/** One row of the recruiter's interview list. */
export const ZInterviewSummary = z.object({
  id: z.string(),
  candidateName: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  status: ZInterviewStatus,
  mode: z.string(),
  overallScore: z.number().nullable(),
  suggestion: ZSuggestion.nullable(),
  decision: ZDecision.nullable(),
  createdAt: z.string(),
  /** The knock-outs as scored, with the typed value of each answer (absent before scoring). */
  knockouts: z.array(ZTurnKnockout).optional(),
});
export type InterviewSummary = z.infer<typeof ZInterviewSummary>;

/** `GET /api/interviews` answer. */
export const ZInterviewListResponse = z.object({
  interviews: z.array(ZInterviewSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InterviewListResponse = z.infer<typeof ZInterviewListResponse>;

/** One audit-trail row of an interview. */
export const ZTimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof ZTimelineEvent>;

/** A transcript turn as the recruiter sees it: with timing and, when measured, latency metrics. */
export const ZReviewTurn = z.object({
  id: z.string(),
  seq: z.number().int(),
  speaker: z.enum(['agent', 'candidate']),
  text: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  metrics: z.record(z.string(), z.number()).nullable(),
  /** When this turn answered a knock-out: which one, the typed value read, and whether it met it. */
  knockout: ZTurnKnockout.nullable().optional(),
});
export type ReviewTurn = z.infer<typeof ZReviewTurn>;

/** A recruiter's note on an interview. */
export const ZInterviewNote = z.object({
  id: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  at: z.string(),
});
export type InterviewNote = z.infer<typeof ZInterviewNote>;

/** `GET /api/interviews/:id/review`: everything a recruiter needs to decide. */
export const ZInterviewReview = z.object({
  interview: z.object({
    id: z.string(),
    status: ZInterviewStatus,
    mode: z.string(),
    endReason: z.string().nullable(),
    /** The number called; null for a web call, which calls no number. */
    phone: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    /** Where the recruiter's player fetches the call audio; null when there is no recording. */
    recordingUrl: z.string().nullable(),
  }),
  candidate: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  job: z.object({
    id: z.string(),
    title: z.string(),
    knockouts: z.array(ZKnockout),
    rubric: z.array(ZRubricCriterion),
  }),
  timeline: z.array(ZTimelineEvent),
  transcript: z.array(ZReviewTurn),
  scorecard: ZScorecard.extend({ overallScore: z.number().nullable() }).nullable(),
  decision: z
    .object({ decision: ZDecision, decidedBy: z.string().nullable(), decidedAt: z.string() })
    .nullable(),
  notes: z.array(ZInterviewNote),
});
export type InterviewReview = z.infer<typeof ZInterviewReview>;
