import { z } from 'zod';
import { ReferralMessageCreate } from '../../../../shared/hosted-api/referrals';
import { outboxJob } from '../../hosted/outbox/job';

/** A message in a referral's thread, from either side. */
export const referralMessageJob = outboxJob({
  kind: 'referral_message',
  payload: z.object({ referralId: z.string().uuid(), message: ReferralMessageCreate }),
  send: ({ referralId, message }, { client, idempotencyKey }) => client.replyToReferral(referralId, idempotencyKey, message),
  restate: (payload, stated) => ({ ...payload, message: { ...payload.message, at: stated(payload.message.at) } }),
  shownIn: 'quality',
  keepsPayloadUntilSynced: true,
  belongsToAccount: true,
});
