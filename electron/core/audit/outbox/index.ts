import { auditChangesJob } from './audit-changes';

/** What the audit trail sends through the outbox. */
export const auditJobs = [auditChangesJob];
