import { z } from 'zod';
import { Id } from './rubric';
import type { EvidenceComment } from './comment';

// The evidence a score rests on: the moments of a recording and the pages of a document that the
// comments citing a criterion point at. A master's scores carry theirs; after an assessor scores the
// same submission, the two are compared (issue 13: gold items that compare cited moments).

export const CitedMoment = z.union([
  z.object({ evidenceId: Id, startMs: z.number().int().min(0), endMs: z.number().int().min(0).nullable() }).strict(),
  z.object({ evidenceId: Id, page: z.number().int().min(1), quote: z.string().max(2000).nullable() }).strict(),
]);
export type CitedMoment = z.infer<typeof CitedMoment>;

/** Per criterion, the moments cited for it. */
export const CitedEvidence = z.array(z.object({ criterionId: Id, moments: z.array(CitedMoment).max(100) }).strict()).max(100);
export type CitedEvidence = z.infer<typeof CitedEvidence>;

/** A moment within this distance of another counts as the same moment (a point comment is a 10 s window around it). */
export const momentToleranceMs = 5000;

/** The moments the comments citing `criterionId` point at (timed, or a page of a document or image). */
export function momentsOf(comments: readonly Pick<EvidenceComment, 'evidenceId' | 'startMs' | 'endMs' | 'page' | 'quote' | 'criterionIds'>[], criterionId: string): CitedMoment[] {
  return comments
    .filter((comment) => comment.criterionIds.includes(criterionId))
    .map((comment): CitedMoment => (comment.startMs !== null ? { evidenceId: comment.evidenceId, startMs: comment.startMs, endMs: comment.endMs } : { evidenceId: comment.evidenceId, page: comment.page ?? 1, quote: comment.quote }));
}

/** Every criterion's cited moments, for criteria that have any. */
export function citedEvidence(comments: Parameters<typeof momentsOf>[0], criterionIds: readonly string[]): CitedEvidence {
  return criterionIds.map((criterionId) => ({ criterionId, moments: momentsOf(comments, criterionId) })).filter((item) => item.moments.length > 0);
}

const span = (moment: Extract<CitedMoment, { startMs: number }>): [number, number] =>
  moment.endMs !== null && moment.endMs > moment.startMs ? [moment.startMs, moment.endMs] : [moment.startMs - momentToleranceMs, moment.startMs + momentToleranceMs];

/** Whether two moments point at the same evidence: overlapping time ranges, or the same page. */
export function sameMoment(a: CitedMoment, b: CitedMoment): boolean {
  if (a.evidenceId !== b.evidenceId) return false;
  if ('startMs' in a && 'startMs' in b) {
    const [aStart, aEnd] = span(a);
    const [bStart, bEnd] = span(b);
    return aStart <= bEnd && bStart <= aEnd;
  }
  return 'page' in a && 'page' in b && a.page === b.page;
}

export interface MomentComparison {
  /** Each of the master's moments, and whether the assessor cited it too. */
  master: { moment: CitedMoment; cited: boolean }[];
  /** The assessor's moments the master did not cite. */
  extra: CitedMoment[];
  /** Share of the master's moments the assessor cited too (null when the master cited none). */
  overlap: number | null;
}

export function compareMoments(master: readonly CitedMoment[], given: readonly CitedMoment[]): MomentComparison {
  const matched = master.map((moment) => ({ moment, cited: given.some((candidate) => sameMoment(moment, candidate)) }));
  return {
    master: matched,
    extra: given.filter((moment) => !master.some((candidate) => sameMoment(moment, candidate))),
    overlap: master.length === 0 ? null : matched.filter((item) => item.cited).length / master.length,
  };
}
