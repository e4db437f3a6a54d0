import { LeadNotePayload } from '../../../../shared/domain/decision';
import { LeadNoteReceipt } from '../../../../shared/hosted-api/schemas';
import type { LeadNoteRequest } from '../../../../shared/hosted-api/schemas';
import { outboxJob } from '../../hosted/outbox/job';

/** A refused decision the assessor chose to keep: it reaches the lead as a note, with the refusal's reason. */
export const leadNoteJob = outboxJob({
  kind: 'lead_note',
  payload: LeadNotePayload,
  send: ({ reason, decision: { submissionId, ...decision } }, { client, idempotencyKey }) =>
    client.postOnce(`/v1/submissions/${encodeURIComponent(submissionId)}/lead-notes`, LeadNoteReceipt, { reason, decision } satisfies LeadNoteRequest, idempotencyKey),
  shownIn: 'nowhere',
});
