import { z } from 'zod';
import { textLimits } from './text-limits';
import { Id } from './rubric';
import { hasVisibleText, hiddenControlsMessage, invisibleTextMessage, isPlainText } from './text';

export const CommentTag = z.enum(['strength', 'growth_area', 'note']);
export type CommentTag = z.infer<typeof CommentTag>;

export const CommentVisibility = z.enum(['candidate', 'internal']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

const Millis = z.number().int().min(0).max(24 * 60 * 60 * 1000);
const Fraction = z.number().min(0).max(1);

/**
 * A rectangle drawn on an image or a document page, in fractions of the image's (page's) own width and
 * height: it stays on the same spot at any zoom, window size or screen resolution.
 */
export const CommentRegion = z
  .object({ x: Fraction, y: Fraction, width: Fraction.positive(), height: Fraction.positive() })
  .strict()
  .refine((region) => region.x + region.width <= 1.000001 && region.y + region.height <= 1.000001, { message: 'a region lies within its image or page' });
export type CommentRegion = z.infer<typeof CommentRegion>;

/**
 * Feedback pinned to evidence: a moment (startMs) or range (startMs–endMs) of a video or audio item,
 * or a page of a document or image, optionally with a quoted passage or a drawn region on it.
 */
export const EvidenceComment = z
  .object({
    id: Id,
    evidenceId: Id,
    startMs: Millis.nullable(),
    endMs: Millis.nullable(),
    page: z.number().int().min(1).max(10_000).nullable(),
    quote: z.string().min(1).max(2000).nullable(),
    /** Written before regions existed: absent reads as none. */
    region: CommentRegion.nullable().default(null),
    body: z.string().max(textLimits.comment),
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
  })
  .refine((comment) => comment.region === null || comment.page !== null, {
    message: 'a region is drawn on a page',
    path: ['region'],
  });
export type EvidenceComment = z.infer<typeof EvidenceComment>;

/** A comment as it is written now (saved or sent): its text free of hidden controls (see text.ts). Stored comments are read with EvidenceComment. */
export const WrittenComment = EvidenceComment.refine((comment) => isPlainText(comment.body), { message: hiddenControlsMessage, path: ['body'] }).refine(
  (comment) => comment.quote === null || isPlainText(comment.quote),
  { message: hiddenControlsMessage, path: ['quote'] },
);

/** What a comment's anchor must fit: the kind of its evidence item, a recording's length, a written response's text. */
export interface AnchorTarget {
  kind: 'video' | 'audio' | 'document' | 'image' | 'text';
  durationMs: number | null;
  /** A written response's text (a quote must be in it); null where it is not known here. */
  text?: string | null;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Why a comment's anchor does not fit its evidence, or null: times on video and audio (within the
 * recording, give or take a second), pages on the rest (one on an image or a written response),
 * marked regions on images and documents only, a quote that says something (and, for a written
 * response, is in it).
 */
export function anchorProblem(evidence: AnchorTarget, comment: Pick<EvidenceComment, 'startMs' | 'endMs' | 'page' | 'region' | 'quote'>): { field: 'startMs' | 'page' | 'region' | 'quote'; message: string } | null {
  const timed = evidence.kind === 'video' || evidence.kind === 'audio';
  if (timed && (comment.startMs === null || comment.page !== null)) return { field: 'startMs', message: 'Comments on video or audio are pinned to a time.' };
  if (!timed && (comment.page === null || comment.startMs !== null)) return { field: 'page', message: 'Comments on documents, images and text are pinned to a page.' };
  if (comment.region !== null && evidence.kind !== 'image' && evidence.kind !== 'document') return { field: 'region', message: 'Regions are marked on images and document pages.' };
  if (timed && evidence.durationMs !== null && (comment.endMs ?? comment.startMs ?? 0) > evidence.durationMs + 1000) return { field: 'startMs', message: 'That time is past the end of the recording.' };
  if ((evidence.kind === 'image' || evidence.kind === 'text') && comment.page !== null && comment.page !== 1) return { field: 'page', message: 'An image or a written response has one page.' };
  if (comment.quote !== null && !hasVisibleText(comment.quote)) return { field: 'quote', message: invisibleTextMessage };
  if (comment.quote !== null && typeof evidence.text === 'string' && !flat(evidence.text).includes(flat(comment.quote))) return { field: 'quote', message: 'A quote is a passage of the written response, word for word.' };
  return null;
}

/** True when the comment points the candidate at concrete evidence: a moment, a range, a quoted passage or a marked region. */
export function citesEvidence(comment: Pick<EvidenceComment, 'startMs' | 'quote' | 'region'>): boolean {
  return comment.startMs !== null || comment.quote !== null || comment.region !== null;
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
