import { LockoutLiftRequest } from '../../../../shared/hosted-api/quality';
import { outboxJob } from '../../hosted/outbox/job';

/** The outbox entity of a lockout's lift: one assessor on one micro-credential. */
export const lockoutEntity = ({ accountId, credentialId }: { accountId: string; credentialId: string }): string => `${accountId}:${credentialId}`;

/** A lead lets a locked-out assessor back in, with a note. */
export const lockoutLiftJob = outboxJob({
  kind: 'lockout_lift',
  payload: LockoutLiftRequest,
  send: (lift, { client, idempotencyKey }) => client.liftLockout(idempotencyKey, lift),
  shownIn: 'quality',
  belongsToAccount: true,
});
