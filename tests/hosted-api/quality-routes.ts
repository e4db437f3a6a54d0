import type { IncomingMessage } from 'node:http';
import { AdjudicationResolutionRequest, CalibrationResetRequest, CalibrationResponseRequest, CalibrationSetCreate, QualityRules } from '../../shared/hosted-api/quality';
import { resolutionProblems } from '../../shared/domain/lead-review-check';
import { AlreadyAnswered } from './calibration-store';
import { fail, parseJson, readBody, refuseFields } from './http-errors';
import { calibrationCandidates } from './candidates';
import { leadData } from './lead-data';
import { FieldErrors } from './quality-store';
import type { HostedStore } from './store';

type Answer = { status: number; body: unknown };

export interface QualityRouteContext {
  store: HostedStore;
  now: () => Date;
  accountId: string;
  /** Runs a write once per Idempotency-Key (see server.ts). */
  idempotent: (request: IncomingMessage, accountId: string, write: (raw: Buffer) => Answer) => Promise<Answer>;
}

const idPattern = '([A-Za-z0-9._:-]+)';

/** 422 with the fields a quality request got wrong. */
export function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FieldErrors) throw refuseFields(error.fields);
    throw error;
  }
}

/**
 * Calibration, qualification, gold accuracy, adjudication and the lead's data. Leads alone may
 * write rules, build sets, resolve adjudications and read everyone's ratings.
 */
export async function routeQuality(request: IncomingMessage, url: URL, context: QualityRouteContext): Promise<Answer | null> {
  const { store, now, accountId } = context;
  const quality = store.quality;
  const method = request.method ?? 'GET';
  const path = url.pathname;
  const requireLead = (): void => {
    if (!store.isLead(accountId)) throw fail(403, 'forbidden', 'Only a lead assessor may do this.');
  };

  if (method === 'GET' && path === '/v1/quality-rules') return { status: 200, body: { rules: quality.allRules() } };
  let match = new RegExp(`^/v1/quality-rules/${idPattern}$`).exec(path);
  if (method === 'PUT' && match) {
    requireLead();
    const rules = parseJson(await readBody(request), QualityRules);
    if (rules.credentialId !== match[1]) throw refuseFields([{ path: 'credentialId', message: 'The body is for another micro-credential than the path.' }]);
    return { status: 200, body: checked(() => quality.setRules(rules)) };
  }

  const calibration = store.calibration;
  if (method === 'GET' && path === '/v1/calibration-sets') return { status: 200, body: { sets: calibration.sets(accountId, url.searchParams.get('credentialId') ?? undefined) } };
  if (method === 'POST' && path === '/v1/calibration-sets') {
    requireLead();
    const body = parseJson(await readBody(request), CalibrationSetCreate);
    return { status: 201, body: checked(() => calibration.createSet(accountId, body, now())) };
  }
  match = new RegExp(`^/v1/calibration-sets/${idPattern}/responses$`).exec(path);
  if (method === 'POST' && match) {
    const setId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      try {
        return { status: 201, body: checked(() => calibration.respond(accountId, setId, parseJson(raw, CalibrationResponseRequest), now())) };
      } catch (error) {
        if (error instanceof AlreadyAnswered) throw fail(409, 'already_answered', error.message, { answeredAt: error.answeredAt });
        throw error;
      }
    });
  }
  match = new RegExp(`^/v1/calibration-sets/${idPattern}/resets$`).exec(path);
  if (method === 'POST' && match) {
    requireLead();
    const setId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      const reset = parseJson(raw, CalibrationResetRequest);
      if (reset.accountId === accountId) throw fail(403, 'own_work', 'A retake for yourself: another lead must allow it.');
      if (!calibration.kindOf(setId) || calibration.kindOf(setId)?.purpose !== 'calibration') throw fail(404, 'not_found', 'No such calibration set.');
      if (!store.account(reset.accountId)) throw refuseFields([{ path: 'accountId', message: 'No such account.' }]);
      const attempt = calibration.openAttempt(setId, reset.accountId, accountId, reset.note, now());
      if (!attempt) throw fail(409, 'nothing_to_reset', 'That assessor has not answered this set in their current attempt: there is nothing to retake yet.');
      return { status: 201, body: attempt };
    });
  }

  if (method === 'GET' && path === '/v1/me/qualifications') return { status: 200, body: { qualifications: quality.qualifications(accountId, now()) } };
  if (method === 'GET' && path === '/v1/me/accuracy') return { status: 200, body: quality.accuracy(accountId, now()) };

  if (method === 'GET' && path === '/v1/adjudications') {
    requireLead();
    // A lead's queue holds only what they may resolve: never a case in which they were one of the scorers.
    return { status: 200, body: { adjudications: store.adjudications.list().filter((item) => item.decisions.every((decision) => decision.assessor.id !== accountId)) } };
  }
  match = new RegExp(`^/v1/adjudications/${idPattern}/resolution$`).exec(path);
  if (method === 'POST' && match) {
    requireLead();
    const submissionId = match[1]!;
    return context.idempotent(request, accountId, (raw) => {
      const resolution = parseJson(raw, AdjudicationResolutionRequest);
      const submission = store.submission(submissionId);
      if (!submission) throw fail(404, 'not_found', 'No adjudication for that submission.');
      const problems = resolutionProblems(submission.rubric, resolution);
      if (problems.length > 0) throw refuseFields(problems);
      const outcome = store.adjudications.resolve(accountId, submissionId, resolution, now());
      if (outcome === 'not_found') throw fail(404, 'not_found', 'No adjudication for that submission.');
      if (outcome === 'already_resolved') return { status: 409, body: { error: { code: 'already_resolved', message: 'Another lead resolved this adjudication first.' } } };
      if (outcome === 'own_work') throw fail(403, 'own_work', 'You scored this submission: another lead must resolve its adjudication.');
      store.audit.recordByServer(`resolved-${submissionId}`, accountId, submissionId, 'adjudication_resolved', JSON.stringify(resolution), now());
      return { status: 201, body: { submissionId, resolvedAt: now().toISOString() } };
    });
  }

  if (method === 'GET' && path === '/v1/lead/ratings') {
    requireLead();
    return { status: 200, body: leadData(store, now()) };
  }
  if (method === 'GET' && path === '/v1/lead/candidates') {
    requireLead();
    const credentialId = url.searchParams.get('credentialId') ?? '';
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    return { status: 200, body: { submissions: calibrationCandidates(store, credentialId, limit) } };
  }
  return null;
}
