import type { IncomingMessage } from 'node:http';
import { AuditUpload } from '../../shared/hosted-api/audit';
import { fail, HttpError, parseJson } from './http-errors';
import type { QualityRouteContext } from './quality-routes';

type Answer = { status: number; body: unknown };

/**
 * The audit trail: workstations append changes (only to submissions their account may read); a
 * lead reads one submission's trail.
 */
export async function routeAudit(request: IncomingMessage, url: URL, context: QualityRouteContext): Promise<Answer | null> {
  const { store, now, accountId } = context;
  const method = request.method ?? 'GET';
  if (method === 'POST' && url.pathname === '/v1/audit') {
    return context.idempotent(request, accountId, (raw) => {
      const upload = parseJson(raw, AuditUpload);
      const foreign = upload.changes.findIndex((change) => !store.mayRead(accountId, change.submissionId));
      if (foreign >= 0) throw new HttpError(422, { error: { code: 'invalid', message: 'A change is about a submission this account was never given.', fields: [{ path: `changes.${foreign}.submissionId`, message: 'Not yours.' }] } });
      return { status: 201, body: store.audit.record(accountId, upload, now()) };
    });
  }
  if (method === 'GET' && url.pathname === '/v1/lead/audit') {
    if (!store.account(accountId)?.roles.includes('lead')) throw fail(403, 'forbidden', 'Only a lead assessor may read audit trails.');
    const trail = store.audit.trail(url.searchParams.get('submission') ?? '');
    if (!trail) throw fail(404, 'not_found', 'No submission has that id or label.');
    return { status: 200, body: trail };
  }
  return null;
}
