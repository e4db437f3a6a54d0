import { z } from 'zod';
import { Id } from '../domain/rubric';
import { hasVisibleText, plainText } from '../domain/text';
import { AdjudicationDecision, EvidenceRefs } from './quality';

// Backreading (issue 13): a share of each assessor's live decisions is sampled for a lead to read
// again beside the evidence, agreeing or overriding criterion by criterion. Overrides go back to
// the assessor as feedback and count in their accuracy.

const Timestamp = z.string().datetime();
const Level = z.number().int().min(0).max(10);

export const BackreadVerdict = z
  .object({
    criterionId: Id,
    verdict: z.enum(['agree', 'override']),
    /** The lead's level where it overrides (null when agreeing). */
    level: Level.nullable(),
    note: plainText(5000),
  })
  .strict()
  .refine((item) => (item.verdict === 'override' ? item.level !== null && hasVisibleText(item.note) : item.level === null), {
    message: 'An override needs the lead’s level and a note that says something; an agreement has neither level.',
  });
export type BackreadVerdict = z.infer<typeof BackreadVerdict>;

export const BackreadReviewRequest = z.object({ criteria: z.array(BackreadVerdict).min(1).max(100), note: plainText(10_000) }).strict();
export type BackreadReviewRequest = z.infer<typeof BackreadReviewRequest>;

/** One sampled decision in the lead's backreading queue. */
export const Backread = z.object({
  submissionId: Id,
  label: z.string().max(80),
  credentialId: Id,
  rubricVersionId: Id,
  /** Sampled at the credential's rate, or every decision of an assessor locked out while it was claimed. */
  reason: z.enum(['sampled', 'lockout']),
  decision: AdjudicationDecision,
  sampledAt: Timestamp,
  review: BackreadReviewRequest.extend({ reviewedBy: Id, reviewedAt: Timestamp }).nullable(),
  evidence: EvidenceRefs,
});
export type Backread = z.infer<typeof Backread>;
export const BackreadList = z.object({ backreads: z.array(Backread).max(5000) });
export const BackreadReceipt = z.object({ submissionId: Id, reviewedAt: Timestamp });

/** What an assessor learns from a lead's backreading of their decisions. */
export const BackreadFeedback = z.object({
  reviews: z
    .array(
      z.object({
        submissionId: Id,
        label: z.string().max(80),
        reviewedAt: Timestamp,
        note: z.string().max(10_000),
        criteria: z.array(z.object({ criterionId: Id, title: z.string().max(300), level: Level.nullable(), verdict: z.enum(['agree', 'override']), leadLevel: Level.nullable(), note: z.string().max(5000) })).max(100),
      }),
    )
    .max(1000),
});
export type BackreadFeedback = z.infer<typeof BackreadFeedback>;
