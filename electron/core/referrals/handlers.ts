import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { LeadWork } from '../lead/lead-work';
import { leadsOnly } from '../lead/leads-only';
import type { SignedInAccount } from '../lead/leads-only';
import type { ReferralWork } from './referral-work';

/** Referring a submission to a lead and the threads that follow, on either side. */
export function referralHandlers({ referrals, lead, account }: { referrals: ReferralWork; lead: Pick<LeadWork, 'openReferral'>; account: SignedInAccount }) {
  return {
    ...handlerApp({
      'referral.list': answersAtOnce(({ submissionId }) => ({ referrals: referrals.threads(submissionId) })),
      'referral.create': answersAtOnce(({ submissionId, reason, question }) => ({ referrals: referrals.refer(submissionId, reason, question) })),
      'referral.reply': answersAtOnce(({ referralId, body }) => ({ referrals: referrals.reply(referralId, body) })),
    }),
    ...leadsOnly(handlerApp({ 'lead.openReferral': afterSession(({ submissionId }) => lead.openReferral(submissionId)) }), account),
  };
}
