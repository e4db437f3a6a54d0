import type { IncomingMessage } from 'node:http';
import { BackreadReviewRequest } from '../../shared/hosted-api/backreading';
import { LockoutLiftRequest } from '../../shared/hosted-api/quality';
import { fail, parseJson } from './http-errors';
import { checked } from './quality-routes';
import type { QualityRouteContext } from './quality-routes';

type Answer = { status: number; body: unknown };
const idPattern = '([A-Za-z0-9._:-]+)';

/**
 * Backreading and lockouts: a lead's backreading queue and reviews, lifting a lockout with a note,
 * the list of lockouts; an assessor's feedback from backreading.
 */
export async function routeBackreading(request: IncomingMessage, url: URL, context: QualityRouteContext): Promise<Answer | null> {
  const { store, now, accountId } = context;
  const method = request.method ?? 'GET';
  const path = url.pathname;
  const requireLead = (): void => {
    if (!store.isLead(accountId)) throw fail(403, 'forbidden', 'Only a lead assessor may do this.');
  };

  if (method === 'GET' && path === '/v1/me/backreads') return { status: 200, body: store.backreading.feedback(accountId) };
  if (method === 'GET' && path === '/v1/backreads') {
    requireLead();
    // A lead's queue holds only what they may review: never their own decisions.
    return { status: 200, body: { backreads: store.backreading.list().filter((item) => item.decision.assessor.id !== accountId) } };
  }
  const match = new RegExp(`^/v1/backreads/${idPattern}/review$`).exec(path);
  if (method === 'POST' && match) {
    requireLead();
    const submissionId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      const review = parseJson(raw, BackreadReviewRequest);
      const outcome = checked(() => store.backreading.review(accountId, submissionId, review, now()));
      if (outcome === 'not_found') throw fail(404, 'not_found', 'That submission is not in the backreading queue.');
      if (outcome === 'own_work') throw fail(403, 'own_work', 'This is your own decision: another lead must backread it.');
      if (outcome === 'already_reviewed') return { status: 409, body: { error: { code: 'already_reviewed', message: 'Another lead backread this decision first.' } } };
      const backread = store.backreading.list().find((item) => item.submissionId === submissionId)!;
      store.lockouts.evaluate(backread.decision.assessor.id, backread.credentialId, now()); // overrides count toward the lockout rule
      store.audit.recordByServer(`backread-${submissionId}`, accountId, submissionId, 'backread_reviewed', JSON.stringify(review), now());
      return { status: 201, body: { submissionId, reviewedAt: now().toISOString() } };
    });
  }
  if (method === 'GET' && path === '/v1/lockouts') {
    requireLead();
    return { status: 200, body: { lockouts: store.lockouts.all({}, now()) } };
  }
  if (method === 'POST' && path === '/v1/lockouts/lift') {
    requireLead();
    return context.idempotent(request, accountId, (raw) => {
      const lift = parseJson(raw, LockoutLiftRequest);
      if (lift.accountId === accountId) throw fail(403, 'own_work', 'This is your own lockout: another lead must lift it.');
      if (!store.lockouts.lift(lift.accountId, lift.credentialId, 'lead', accountId, lift.note, now())) throw fail(404, 'not_found', 'That assessor is not locked out on that micro-credential.');
      return { status: 201, body: { lockouts: store.lockouts.all({}, now()) } };
    });
  }
  return null;
}
