import { referralJob } from './referral';
import { referralMessageJob } from './referral-message';

/** What referrals send through the outbox. */
export const referralJobs = [referralJob, referralMessageJob];
