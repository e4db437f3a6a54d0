import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import type { LeadSync } from './lead-sync';
import type { LeadWork } from './lead-work';
import { adjudicationQueue, backreadQueue, leadDashboard, leadExport } from './views';

/**
 * The lead's work: dashboard, report, rules, calibration sets, adjudication, backreading, lockouts
 * and the audit trail. Reads answer at once from the last synced data. Only a lead reaches them
 * (leads-only.ts, applied by the composition root to every `lead.*` method).
 */
export function leadHandlers({ db, now, leadSync, lead }: { db: Db; now: () => Date; leadSync: Pick<LeadSync, 'updating' | 'refreshQueues'>; lead: LeadWork }) {
  return handlerApp({
    'lead.dashboard': answersAtOnce(({ credentialId }) => leadDashboard(db, credentialId, leadSync.updating)),
    'lead.export': afterSession((input) => leadExport(db, input, now())),
    'lead.refreshQueues': afterSession(() => leadSync.refreshQueues()),
    'lead.adjudications': answersAtOnce(() => adjudicationQueue(db)),
    'lead.openAdjudication': afterSession(({ submissionId }) => lead.openAdjudication(submissionId)),
    'lead.resolveAdjudication': answersAtOnce(({ submissionId, resolution }) => lead.resolveAdjudication(submissionId, resolution)),
    'lead.setRules': afterSession(async ({ rules }) => {
      await lead.setRules(rules);
      return leadDashboard(db, rules.credentialId, leadSync.updating);
    }),
    'lead.candidates': afterSession(({ credentialId }) => lead.candidates(credentialId)),
    'lead.prepareSet': afterSession(({ credentialId, title, purpose, submissionIds }) => lead.prepareMasterSet(credentialId, title, purpose, submissionIds)),
    'lead.allowRetake': afterSession(({ setId, accountId, note }) => lead.allowRetake(setId, accountId, note)),
    'lead.publishSet': afterSession(({ batchId }) => lead.publishMasterSet(batchId)),
    'lead.auditTrail': afterSession(({ submission }) => lead.auditTrail(submission)),
    'lead.backreads': answersAtOnce(() => backreadQueue(db)),
    'lead.openBackread': afterSession(({ submissionId }) => lead.openBackread(submissionId)),
    'lead.reviewBackread': answersAtOnce(({ submissionId, review }) => lead.reviewBackread(submissionId, review)),
    'lead.liftLockout': answersAtOnce((lift) => {
      lead.liftLockout(lift);
      return leadDashboard(db, lift.credentialId, leadSync.updating);
    }),
  });
}
