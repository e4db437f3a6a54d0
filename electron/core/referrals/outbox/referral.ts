import { ReferralCreate } from '../../../../shared/hosted-api/referrals';
import { outboxJob } from '../../hosted/outbox/job';

/** A submission referred to a lead, with its reason and question (its id made here, so it works offline). */
export const referralJob = outboxJob({
  kind: 'referral',
  payload: ReferralCreate,
  send: (referral, { client, idempotencyKey }) => client.refer(idempotencyKey, referral),
  restate: (referral, stated) => ({ ...referral, at: stated(referral.at) }),
  shownIn: 'quality',
  // The thread shows it until the next fetch of the threads holds it.
  keepsPayloadUntilSynced: true,
  belongsToAccount: true,
});
