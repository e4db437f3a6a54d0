import { LeadNotePayload } from '../../../../shared/domain/decision';
import { outboxJob } from '../../hosted/outbox/job';

/** A refused decision the assessor chose to keep: it reaches the lead as a note, with the refusal's reason. */
export const leadNoteJob = outboxJob({
  kind: 'lead_note',
  payload: LeadNotePayload,
  send: ({ reason, decision: { submissionId, ...decision } }, { client, idempotencyKey }) => client.keepForLead(submissionId, idempotencyKey, { reason, decision }),
  shownIn: 'nowhere',
});
