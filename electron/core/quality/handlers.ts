import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import type { HostedConnection } from '../hosted/connection';
import { adjudicationQueue, backreadQueue, leadDashboard, leadExport, qualitySummary } from './views';

/**
 * Scoring quality: the assessor's qualification and calibration; the lead's dashboard, report,
 * rules, calibration sets and adjudication. Reads answer at once from the last synced data.
 */
export function qualityHandlers({ db, now, hosted }: { db: Db; now: () => Date; hosted: HostedConnection }) {
  const { quality, lead, referrals } = hosted;
  return handlerApp({
    'quality.status': answersAtOnce(() => qualitySummary(db)),
    'quality.refresh': afterSession(() => quality.fetch()),
    'calibration.start': afterSession(({ setId }) => quality.startCalibration(setId)),
    'lead.dashboard': answersAtOnce(({ credentialId }) => leadDashboard(db, credentialId, quality.updating)),
    'lead.export': afterSession((input) => leadExport(db, input, now())),
    'lead.adjudications': answersAtOnce(() => adjudicationQueue(db)),
    'lead.openAdjudication': afterSession(({ submissionId }) => lead.openAdjudication(submissionId)),
    'lead.resolveAdjudication': answersAtOnce(({ submissionId, resolution }) => lead.resolveAdjudication(submissionId, resolution)),
    'lead.setRules': afterSession(async ({ rules }) => {
      await lead.setRules(rules);
      return leadDashboard(db, rules.credentialId, quality.updating);
    }),
    'lead.candidates': afterSession(({ credentialId }) => lead.candidates(credentialId)),
    'lead.prepareSet': afterSession(({ credentialId, title, purpose, submissionIds }) => lead.prepareMasterSet(credentialId, title, purpose, submissionIds)),
    'lead.allowRetake': afterSession(({ setId, accountId, note }) => lead.allowRetake(setId, accountId, note)),
    'lead.publishSet': afterSession(({ batchId }) => lead.publishMasterSet(batchId)),
    'lead.auditTrail': afterSession(({ submission }) => lead.auditTrail(submission)),
    'lead.backreads': answersAtOnce(() => backreadQueue(db)),
    'referral.list': answersAtOnce(({ submissionId }) => ({ referrals: referrals.threads(submissionId) })),
    'referral.create': answersAtOnce(({ submissionId, reason, question }) => ({ referrals: referrals.refer(submissionId, reason, question) })),
    'referral.reply': answersAtOnce(({ referralId, body }) => ({ referrals: referrals.reply(referralId, body) })),
    'lead.openReferral': afterSession(({ submissionId }) => lead.openReferral(submissionId)),
    'lead.openBackread': afterSession(({ submissionId }) => lead.openBackread(submissionId)),
    'lead.reviewBackread': answersAtOnce(({ submissionId, review }) => lead.reviewBackread(submissionId, review)),
    'lead.liftLockout': answersAtOnce((lift) => {
      lead.liftLockout(lift);
      return leadDashboard(db, lift.credentialId, quality.updating);
    }),
  });
}
