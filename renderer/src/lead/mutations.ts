import { defineMutation } from '../data/contract-mutation';
import { queryKeyOf } from '../data/contract-reads';
import { readAgain } from '../data/core-events';
import { readBatchesAgain } from '../workspace/mutations';

// A lead's writes. Those that answer with the view they change keep it; the rest change nothing
// shown until core's next event (a review batch arriving, the quality data fetched again).

/**
 * Answers with the credential's dashboard as it now stands (the rules saved); the dashboard read
 * before the lead chose a credential (null: the first one) is read again, as it may be this one.
 */
export const setRules = defineMutation('lead.setRules', {
  onAnswer: (queries, dashboard, { rules }) => {
    queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: rules.credentialId }), dashboard);
    void readAgain(queries, { queryKey: queryKeyOf('lead.dashboard', { credentialId: null }) });
  },
});

/** Every dashboard read shows the lift as queued, whichever credential it was read for. */
export const liftLockout = defineMutation('lead.liftLockout', { onAnswer: (queries) => readAgain(queries, { queryKey: ['lead.dashboard'] }) });

/** Online: the new attempt is made on the server, and its figures follow with the next quality fetch. */
export const allowRetake = defineMutation('lead.allowRetake');

export const resolveAdjudication = defineMutation('lead.resolveAdjudication', { onAnswer: (queries, queue) => queries.setQueryData(queryKeyOf('lead.adjudications', {}), queue) });

export const reviewBackread = defineMutation('lead.reviewBackread', { onAnswer: (queries, queue) => queries.setQueryData(queryKeyOf('lead.backreads', {}), queue) });

/** Fetches the lead's queues now; what arrives comes with core's quality event (use-follow-lead-queues.ts). */
export const refreshLeadQueues = defineMutation('lead.refreshQueues');

/** Submissions a set could be built from, fetched when the lead asks (they are the server's, not kept). */
export const findCandidates = defineMutation('lead.candidates');

/** Makes the master batch, in the batch list before the caller hears of it. */
export const prepareSet = defineMutation('lead.prepareSet', { onAnswer: readBatchesAgain });

export const publishSet = defineMutation('lead.publishSet');

/** The report as a file to save (nothing kept). */
export const exportReport = defineMutation('lead.export');

/** A submission's audit trail, fetched from the server when the lead asks. */
export const fetchAuditTrail = defineMutation('lead.auditTrail');

/** "Open beside the evidence": each brings the submission here as a read-only review batch. */
export const openBesideMethods = {
  adjudication: defineMutation('lead.openAdjudication'),
  backread: defineMutation('lead.openBackread'),
  referral: defineMutation('lead.openReferral'),
} as const;
