import type { IncomingMessage } from 'node:http';
import { ReferralCreate, ReferralMessageCreate } from '../../shared/hosted-api/referrals';
import { clockSkewMs, futureTimeProblem } from '../../shared/domain/decision-check';
import { fail, parseJson, refuseFields } from './http-errors';
import type { QualityRouteContext } from './quality-routes';
import { ReferralRefused } from './referral-store';

/** 409 for what a writer may not do: never with the thread that holds a taken id. */
function unlessTaken<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReferralRefused) throw fail(409, error.code, error.message);
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
    if (!store.isLead(accountId)) throw fail(403, 'forbidden', 'Only a lead assessor may read every referral.');
    return { status: 200, body: { referrals: store.referrals.list(null) } };
  }
  if (method === 'POST' && path === '/v1/referrals') {
    return context.idempotent(request, accountId, (raw) => {
      const body = parseJson(raw, ReferralCreate);
      const assignedAt = store.firstAssignedAt(accountId, body.submissionId);
      if (assignedAt === null) throw fail(404, 'not_found', 'That submission was never given to you.');
      const problems = [...futureTimeProblem(body.at, now(), 'at'), ...(Date.parse(body.at) < Date.parse(assignedAt) - clockSkewMs ? [{ path: 'at', message: `${body.at} is before this submission was assigned to you.` }] : [])];
      if (problems.length > 0) throw refuseFields(problems);
      return { status: 201, body: unlessTaken(() => store.referrals.create(accountId, body, now())) };
    });
  }
  const match = /^\/v1\/referrals\/([0-9a-f-]{36})\/messages$/.exec(path);
  if (method === 'POST' && match) {
    const referralId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      const message = parseJson(raw, ReferralMessageCreate);
      const thread = store.referrals.get(referralId);
      // The referring assessor or a lead: anyone else learns nothing, not even that it exists.
      if (!thread || (thread.assessor.id !== accountId && !store.isLead(accountId))) throw fail(404, 'not_found', 'No such referral for this account.');
      const problems = [...futureTimeProblem(message.at, now(), 'at'), ...(Date.parse(message.at) < Date.parse(thread.createdAt) - clockSkewMs ? [{ path: 'at', message: `${message.at} is before the referral was made.` }] : [])];
      if (problems.length > 0) throw refuseFields(problems);
      return { status: 201, body: unlessTaken(() => store.referrals.reply(accountId, referralId, message, now()))! };
    });
  }
  return null;
}
