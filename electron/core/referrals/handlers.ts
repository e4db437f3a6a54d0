import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { LeadWork } from '../lead/lead-work';
import type { ReferralWork } from './referral-work';

/** Referring a submission to a lead and the threads that follow, on either side (`lead.openReferral`, like every lead method, only for a lead: see lead/leads-only.ts). */
export function referralHandlers({ referrals, lead }: { referrals: ReferralWork; lead: Pick<LeadWork, 'openReferral'> }) {
  return handlerApp({
    'referral.list': answersAtOnce(({ submissionId }) => ({ referrals: referrals.threads(submissionId) })),
    'referral.create': answersAtOnce(({ submissionId, reason, question }) => ({ referrals: referrals.refer(submissionId, reason, question) })),
    'referral.reply': answersAtOnce(({ referralId, body }) => ({ referrals: referrals.reply(referralId, body) })),
    'lead.openReferral': afterSession(({ submissionId }) => lead.openReferral(submissionId)),
  });
}
