import { adjudicationResolutionJob } from './adjudication-resolution';
import { backreadReviewJob } from './backread-review';
import { lockoutLiftJob } from './lockout-lift';

/** What a lead sends through the outbox. */
export const leadJobs = [adjudicationResolutionJob, backreadReviewJob, lockoutLiftJob];
