import { z } from 'zod';
import { Id } from './rubric';

export const CommentTag = z.enum(['strength', 'growth_area', 'note']);
export type CommentTag = z.infer<typeof CommentTag>;

export const CommentVisibility = z.enum(['candidate', 'internal']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

const Millis = z.number().int().min(0).max(24 * 60 * 60 * 1000);

/**
 * Feedback pinned to evidence: a moment (startMs) or range (startMs–endMs) of a video or audio item,
 * or a page (and optionally a quoted passage) of a document.
 */
export const EvidenceComment = z
  .object({
    id: Id,
    evidenceId: Id,
    startMs: Millis.nullable(),
    endMs: Millis.nullable(),
    page: z.number().int().min(1).max(10_000).nullable(),
    quote: z.string().min(1).max(2000).nullable(),
    body: z.string().max(10_000),
    tag: CommentTag,
    visibility: CommentVisibility,
    criterionIds: z.array(Id).max(50),
  })
  .refine((comment) => comment.endMs === null || (comment.startMs !== null && comment.endMs >= comment.startMs), {
    message: 'a range ends at or after it starts',
    path: ['endMs'],
  })
  .refine((comment) => comment.startMs !== null || comment.page !== null, {
    message: 'a comment is anchored to a time or a page',
    path: ['startMs'],
  });
export type EvidenceComment = z.infer<typeof EvidenceComment>;

/** True when the comment points the candidate at concrete evidence: a moment, a range or a quoted passage. */
export function citesEvidence(comment: Pick<EvidenceComment, 'startMs' | 'quote'>): boolean {
  return comment.startMs !== null || comment.quote !== null;
}

export const ConditionCode = z.enum([
  'video_unplayable',
  'wrong_or_missing_file',
  'identifying_information',
  'plagiarism_or_ai',
  'inappropriate_content',
  /** Scorable, but on the line: the assessor asks a lead for a second opinion before it counts. */
  'borderline_second_opinion',
]);
export type ConditionCode = z.infer<typeof ConditionCode>;
