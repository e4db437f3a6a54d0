import { auditJobs } from '../audit/outbox';
import { OutboxJobs } from '../hosted/outbox/job';
import { leadJobs } from '../lead/outbox';
import { referralJobs } from '../referrals/outbox';
import { scoringJobs } from '../scoring/outbox';

/** Every kind of work this version sends through the outbox; each domain lists its own. */
export const outboxJobs = new OutboxJobs([...scoringJobs, ...auditJobs, ...leadJobs, ...referralJobs]);
