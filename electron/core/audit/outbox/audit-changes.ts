import { AuditUpload } from '../../../../shared/hosted-api/audit';
import { outboxJob } from '../../hosted/outbox/job';
import { auditKind } from '../../repositories/outbox-kinds';

/** A run of changes to one submission's audit trail (see audit/record-change.ts for how they gather). */
export const auditChangesJob = outboxJob({
  kind: auditKind,
  payload: AuditUpload,
  send: (upload, { client, idempotencyKey }) => client.uploadAudit(idempotencyKey, upload),
  restate: ({ changes }, stated) => ({ changes: changes.map((change) => ({ ...change, at: stated(change.at) })) }),
  shownIn: 'nowhere',
  settlesBeforeLeaving: true,
});
