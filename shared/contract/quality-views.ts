import { z } from 'zod';
import { Id, RubricVersion } from '../domain/rubric';
import { Backread, BackreadFeedback } from '../hosted-api/backreading';
import { Referral, ReferralMessage } from '../hosted-api/referrals';
import { AccuracyReport, Adjudication, CalibrationSet, Lockout, QualificationStatus, QualityRules } from '../hosted-api/quality';
import { LeadDashboard } from '../quality/dashboard';

// What core's quality screens read (part of the contract in methods.ts): the assessor's standing, the
// lead's dashboard, queues and referral threads, each from the last synced data.

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

export const LeadDashboardView = z.object({
  /** When the ratings were last fetched from the hosted API (null: never). */
  fetchedAt: Timestamp.nullable(),
  credentials: z.array(z.object({ id: Id, title: z.string() })),
  assessors: z.array(z.object({ id: Id, displayName: z.string() })),
  /** The rules of the chosen micro-credential, and the sets it could qualify on. */
  rules: QualityRules.nullable(),
  sets: z.array(CalibrationSet),
  dashboard: LeadDashboard.nullable(),
  /** Assessors locked out of this micro-credential now or lately; `liftQueued`: the lead's lift waits to sync. */
  lockouts: z.array(Lockout.extend({ liftQueued: z.boolean() })),
  /** Where each assessor stands now on this micro-credential's qualification set (the figures count first answers). */
  qualifications: z.array(z.object({ accountId: Id, status: QualificationStatus.shape.status, attempt: z.number().int().min(1) })),
  /** Newly fetched ratings are being turned into figures (in a worker); the figures shown are the last ones. */
  updating: z.boolean(),
});
export type LeadDashboardView = z.infer<typeof LeadDashboardView>;

export const AdjudicationQueue = z.object({
  fetchedAt: Timestamp.nullable(),
  adjudications: z.array(Adjudication.extend({ resolutionQueued: z.boolean() })),
  rubrics: z.array(RubricVersion),
});
export type AdjudicationQueue = z.infer<typeof AdjudicationQueue>;

export const BackreadQueue = z.object({
  fetchedAt: Timestamp.nullable(),
  backreads: z.array(Backread.extend({ reviewQueued: z.boolean() })),
  rubrics: z.array(RubricVersion),
});
export type BackreadQueue = z.infer<typeof BackreadQueue>;

/** A referral as this machine shows it: the last synced thread, with what still waits to leave marked `pending`. */
export const ReferralView = Referral.extend({
  pending: z.boolean(),
  messages: z.array(ReferralMessage.extend({ pending: z.boolean(), mine: z.boolean() })),
});
export type ReferralView = z.infer<typeof ReferralView>;
