import { z } from 'zod';
import { Id } from '../domain/rubric';
import { requiredText } from '../domain/text';

// Referring a submission to a lead (issue 13): an assessor asks, with a reason and a question; a
// lead answers; the thread stays with the submission. Both sides write offline: every referral and
// message carries its own id, made where it was written, so a resend is recognised.

const Timestamp = z.string().datetime();

/**
 * A thread's limits (in UTF-8 bytes of its messages) and an assessor's (threads waiting for a lead,
 * whether new or reopened by a follow-up): what a client can read (500 messages a thread, see
 * Referral) and what keeps every lead's list of referrals readable whatever one account writes.
 */
export const referralLimits = { messagesPerThread: 500, bytesPerThread: 100_000, openPerAccount: 20 } as const;

export const ReferralReason = z.enum(['rubric_unclear', 'evidence_problem', 'outside_competency', 'safeguarding', 'integrity', 'other']);
export type ReferralReason = z.infer<typeof ReferralReason>;

export const ReferralCreate = z
  .object({ id: z.string().uuid(), submissionId: Id, reason: ReferralReason, question: requiredText(5000), at: Timestamp })
  .strict();
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const ReferralMessageCreate = z.object({ id: z.string().uuid(), body: requiredText(5000), at: Timestamp }).strict();
export type ReferralMessageCreate = z.infer<typeof ReferralMessageCreate>;

export const ReferralMessage = z.object({
  id: z.string().uuid(),
  author: z.object({ id: Id, displayName: z.string().max(200), role: z.enum(['assessor', 'lead']) }),
  body: z.string().max(5000),
  /** When it was written (on the author's machine), and when the server received it. */
  at: Timestamp,
  receivedAt: Timestamp,
});
export type ReferralMessage = z.infer<typeof ReferralMessage>;

export const Referral = z.object({
  id: z.string().uuid(),
  submissionId: Id,
  label: z.string().max(80),
  credentialId: Id,
  assessor: z.object({ id: Id, displayName: z.string().max(200) }),
  reason: ReferralReason,
  /** Open: waiting for a lead; answered: a lead replied last. */
  state: z.enum(['open', 'answered']),
  createdAt: Timestamp,
  messages: z.array(ReferralMessage).min(1).max(referralLimits.messagesPerThread),
});
export type Referral = z.infer<typeof Referral>;
export const ReferralList = z.object({ referrals: z.array(Referral).max(5000) });
export type ReferralList = z.infer<typeof ReferralList>;
