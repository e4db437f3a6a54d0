import type { IncomingMessage } from 'node:http';
import { ReferralCreate, ReferralMessageCreate } from '../../shared/hosted-api/referrals';
import { fail, parseJson } from './http-errors';
import type { QualityRouteContext } from './quality-routes';
import { IdTaken } from './referral-store';

/** 409 when a writer's id is taken: never the thread that holds it. */
function unlessTaken<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof IdTaken) throw fail(409, 'id_taken', error.message);
    throw error;
  }
}

type Answer = { status: number; body: unknown };

/** Referrals: an assessor refers a submission they were given; the referring assessor and leads write in its thread. */
export async function routeReferrals(request: IncomingMessage, url: URL, context: QualityRouteContext): Promise<Answer | null> {
  const { store, now, accountId } = context;
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && path === '/v1/me/referrals') return { status: 200, body: { referrals: store.referrals.list(accountId) } };
  if (method === 'GET' && path === '/v1/referrals') {
    if (!store.account(accountId)?.roles.includes('lead')) throw fail(403, 'forbidden', 'Only a lead assessor may read every referral.');
    return { status: 200, body: { referrals: store.referrals.list(null) } };
  }
  if (method === 'POST' && path === '/v1/referrals') {
    return context.idempotent(request, accountId, (raw) => {
      const body = parseJson(raw, ReferralCreate);
      if (!store.wasAssigned(accountId, body.submissionId)) throw fail(404, 'not_found', 'That submission was never given to you.');
      return { status: 201, body: unlessTaken(() => store.referrals.create(accountId, body, now())) };
    });
  }
  const match = /^\/v1\/referrals\/([0-9a-f-]{36})\/messages$/.exec(path);
  if (method === 'POST' && match) {
    const referralId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      const referral = unlessTaken(() => store.referrals.reply(accountId, referralId, parseJson(raw, ReferralMessageCreate), now()));
      if (!referral) throw fail(404, 'not_found', 'No such referral for this account.');
      return { status: 201, body: referral };
    });
  }
  return null;
}
