import { z } from 'zod';
import { Id, RubricVersion } from '../domain/rubric';
import { requiredText } from '../domain/text';
import { AuditTrail } from '../hosted-api/audit';
import { Backread, BackreadReviewRequest } from '../hosted-api/backreading';
import { Adjudication, AdjudicationResolutionRequest, CalibrationSet, CandidateList, Lockout, LockoutLiftRequest, QualificationStatus, QualityRules, SetPurpose } from '../hosted-api/quality';
import { LeadDashboard } from '../quality/dashboard';
import { reportLocales } from '../quality/report-words';
import { NoInput, Timestamp } from './common';

// What the lead's views read, each from the last synced data (the assessor's own are in quality-views.ts).

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

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The lead's work: dashboard, report, rules, calibration sets, adjudication, backreading, lockouts, the audit trail. */
export const leadMethods = {
  'lead.dashboard': { input: z.object({ credentialId: Id.nullable() }).strict(), output: LeadDashboardView },
  'lead.export': {
    input: z
      .object({
        credentialId: Id,
        format: z.enum(['csv', 'pdf']),
        /** The report's language and the time zone its dates are in (the lead's). */
        locale: z.enum(reportLocales).default('en'),
        timeZone: z.string().max(64).refine(isTimeZone, 'not a time zone').default('UTC'),
      })
      .strict(),
    output: z.object({ fileName: z.string().max(200), mimeType: z.string().max(100), base64: z.string() }),
  },
  /** Fetches the adjudication, backreading and referral queues now (while a lead looks at them); the views read them again on core's quality event. */
  'lead.refreshQueues': { input: NoInput, output: z.object({ fetchedAt: Timestamp }) },
  'lead.adjudications': { input: NoInput, output: AdjudicationQueue },
  /** Brings a submission under adjudication here, to read both assessors beside its evidence. */
  'lead.openAdjudication': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
  'lead.setRules': { input: z.object({ rules: QualityRules }).strict(), output: LeadDashboardView },
  'lead.candidates': { input: z.object({ credentialId: Id }).strict(), output: CandidateList },
  /** Brings the chosen submissions here for the lead to score as the master. */
  'lead.prepareSet': {
    input: z.object({ credentialId: Id, title: requiredText(200), purpose: SetPurpose.default('calibration'), submissionIds: z.array(Id).min(1).max(50) }).strict(),
    output: z.object({ batchId: Id, submissions: z.number().int().min(0) }),
  },
  /** Lets an assessor take a calibration set again (online: a new attempt on the server, recorded with the note). */
  'lead.allowRetake': { input: z.object({ setId: Id, accountId: Id, note: requiredText(2000) }).strict(), output: z.object({ attempt: z.number().int().min(2) }) },
  'lead.publishSet': { input: z.object({ batchId: Id }).strict(), output: z.object({ setId: Id, title: z.string(), submissions: z.number().int().min(0) }) },
  'lead.resolveAdjudication': { input: z.object({ submissionId: Id, resolution: AdjudicationResolutionRequest }).strict(), output: AdjudicationQueue },
  'lead.backreads': { input: NoInput, output: BackreadQueue },
  /** Brings a sampled decision's submission here, to read it again beside its evidence. */
  'lead.openBackread': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
  'lead.reviewBackread': { input: z.object({ submissionId: Id, review: BackreadReviewRequest }).strict(), output: BackreadQueue },
  /** Lets a locked-out assessor back in (queued: works offline). */
  'lead.liftLockout': { input: LockoutLiftRequest, output: LeadDashboardView },
  /** One submission's audit trail from the hosted API (online), found by its id or its label. */
  'lead.auditTrail': { input: z.object({ submission: z.string().trim().min(1).max(128) }).strict(), output: AuditTrail },
} as const;
