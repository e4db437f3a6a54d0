import { decisionJob } from './decision';
import { leadNoteJob } from './lead-note';

/** What scoring sends through the outbox. */
export const scoringJobs = [decisionJob, leadNoteJob];
