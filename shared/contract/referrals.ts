import { z } from 'zod';
import { Id } from '../domain/rubric';
import { requiredText } from '../domain/text';
import { ReferralReason } from '../hosted-api/referrals';
import { ReferralView } from './quality-views';

const Referrals = z.object({ referrals: z.array(ReferralView) });

/** Referring a submission to a lead and the threads that follow. */
export const referralsMethods = {
  /** Referrals of one submission (null: all this machine knows), the assessor's own or, for a lead, everyone's. */
  'referral.list': { input: z.object({ submissionId: Id.nullable() }).strict(), output: Referrals },
  /** Refers the submission to a lead (queued: works offline); answers with its referrals. */
  'referral.create': { input: z.object({ submissionId: Id, reason: ReferralReason, question: requiredText(5000) }).strict(), output: Referrals },
  'referral.reply': { input: z.object({ referralId: z.string().uuid(), body: requiredText(5000) }).strict(), output: Referrals },
  /** Brings a referred submission here, for a lead to read it beside its evidence. */
  'lead.openReferral': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
} as const;
