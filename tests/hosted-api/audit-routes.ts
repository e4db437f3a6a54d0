import type { IncomingMessage } from 'node:http';
import { AuditUpload } from '../../shared/hosted-api/audit';
import { AuditConflict } from './audit-store';
import { fail, parseJson, refuseFields } from './http-errors';
import type { QualityRouteContext } from './quality-routes';

type Answer = { status: number; body: unknown };

/**
 * The audit trail: workstations append changes about work assigned to their account, dated within
 * that work's life (client kinds only, never as the server: see AuditChange); a lead reads one
 * submission's trail.
 */
export async function routeAudit(request: IncomingMessage, url: URL, context: QualityRouteContext): Promise<Answer | null> {
  const { store, now, accountId } = context;
  const method = request.method ?? 'GET';
  if (method === 'POST' && url.pathname === '/v1/audit') {
    return context.idempotent(request, accountId, (raw) => {
      const upload = parseJson(raw, AuditUpload);
      try {
        const problems = store.audit.check(accountId, upload, now());
        if (problems.length > 0) throw refuseFields(problems);
      } catch (error) {
        if (error instanceof AuditConflict) throw fail(409, error.code, error.message, { field: error.path });
        throw error;
      }
      return { status: 201, body: store.audit.record(accountId, upload, now()) };
    });
  }
  if (method === 'GET' && url.pathname === '/v1/lead/audit') {
    if (!store.isLead(accountId)) throw fail(403, 'forbidden', 'Only a lead assessor may read audit trails.');
    const trail = store.audit.trail(url.searchParams.get('submission') ?? '');
    if (!trail) throw fail(404, 'not_found', 'No submission has that id or label.');
    return { status: 200, body: trail };
  }
  return null;
}
