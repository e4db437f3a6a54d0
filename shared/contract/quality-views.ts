import { z } from 'zod';
import { BackreadFeedback } from '../hosted-api/backreading';
import { Referral, ReferralMessage } from '../hosted-api/referrals';
import { AccuracyReport, CalibrationSet, QualificationStatus } from '../hosted-api/quality';

// What core's quality screens read for the assessor (part of the contract in methods.ts): their standing
// and the referral threads, each from the last synced data. The lead's views are in lead.ts.

const Timestamp = z.string().datetime();

/** Scoring quality as the assessor sees it, from the last sync (works offline). */
export const QualitySummary = z.object({
  fetchedAt: Timestamp.nullable(),
  qualifications: z.array(QualificationStatus),
  accuracy: AccuracyReport.nullable(),
  sets: z.array(CalibrationSet),
  /** Leads' backreading of this assessor's decisions, newest first. */
  backreadFeedback: BackreadFeedback.shape.reviews,
});
export type QualitySummary = z.infer<typeof QualitySummary>;

/** A referral as this machine shows it: the last synced thread, with what still waits to leave marked `pending`. */
export const ReferralView = Referral.extend({
  pending: z.boolean(),
  /** `refused`: the server refused it for good (a thread closed, too many open referrals): it was not sent and will not be. */
  messages: z.array(ReferralMessage.extend({ pending: z.boolean(), refused: z.boolean().default(false), mine: z.boolean() })),
});
export type ReferralView = z.infer<typeof ReferralView>;
