import { z } from 'zod';
import {
  Account,
  ApiError,
  AssignmentList,
  ClaimResponse,
  DecisionConflict,
  DecisionReceipt,
  SubmissionManifest,
  TokenPair,
  ValidationFailure,
} from '../../../shared/hosted-api/schemas';
import type { ConflictReason, DecisionRequest } from '../../../shared/hosted-api/schemas';
import {
  AccuracyReport,
  AdjudicationList,
  AdjudicationReceipt,
  CalibrationAttempt,
  CalibrationFeedback,
  CalibrationSet,
  CalibrationSetList,
  CandidateList,
  LeadData,
  LockoutList,
  QualificationList,
  QualityRules,
  QualityRulesList,
} from '../../../shared/hosted-api/quality';
import type { AdjudicationResolutionRequest, CalibrationResetRequest, CalibrationResponseRequest, CalibrationSetCreate, LockoutLiftRequest } from '../../../shared/hosted-api/quality';
import { AuditReceipt, AuditTrail } from '../../../shared/hosted-api/audit';
import type { AuditUpload } from '../../../shared/hosted-api/audit';
import { BackreadFeedback, BackreadList, BackreadReceipt } from '../../../shared/hosted-api/backreading';
import type { BackreadReviewRequest } from '../../../shared/hosted-api/backreading';
import { Referral, ReferralList } from '../../../shared/hosted-api/referrals';
import type { ReferralCreate, ReferralMessageCreate } from '../../../shared/hosted-api/referrals';

/** Every way a call to the hosted API can end badly, sorted by what the caller should do about it. */
export type ApiFailure =
  | { kind: 'network'; message: string } // no answer, or the answer was cut off: retry later
  | { kind: 'server'; status: number; message: string } // 5xx: retry later
  | { kind: 'throttled'; retryAfterMs: number } // 429: retry after the server's delay
  | { kind: 'unauthorized'; code: string } // 401: refresh, or sign in again
  | { kind: 'conflict'; reason: ConflictReason; message: string } // 409: the assessor must choose
  | { kind: 'invalid'; fields: { path: string; message: string }[] } // 422: our bug; quarantine
  | { kind: 'too_large'; message: string } // 413: the same body will never be taken; never resent
  | { kind: 'malformed'; message: string } // the answer was not what the contract says: quarantine
  | { kind: 'not_found'; message: string }
  | { kind: 'refused'; status: 403 | 409; code: string; message: string }; // not allowed, or not any more (e.g. not qualified)

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export interface ApiClientOptions {
  baseUrl: string;
  /** The current access token (null when signed out). */
  accessToken: () => string | null;
  /**
   * Called when the server refused `rejected` (the access token a request carried) with a 401; true
   * when a new token is in place and the request should be sent once more (see HostedSession.recover).
   */
  onUnauthorized?: (rejected: string) => Promise<boolean>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Each answer's Date header, for the server's clock (see ServerClock). */
  onServerDate?: (date: string | null) => void;
}

const maxJsonBytes = 20 * 1024 * 1024;

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent without the access token (sign-in, refresh, sign-out). */
  anonymous?: boolean;
  timeoutMs?: number;
  /** The largest answer accepted (default maxJsonBytes). */
  maxBytes?: number;
}

/** An audit trail: each account's changes are capped by the server, decisions as received can be large. */
const maxAuditTrailBytes = 64 * 1024 * 1024;

/** A year of a large programme's ratings is about 100 MB; the contract allows two million of them. */
const maxLeadDataBytes = 512 * 1024 * 1024;

/** The schema of an answer that has no body (204). */
const nullAnswer = z.null();

/**
 * The workstation's client of the hosted API. Every answer is checked against the shared zod
 * schemas; nothing the network says is trusted until it has been.
 */
export class HostedApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  signIn(email: string, password: string): Promise<ApiResult<z.infer<typeof TokenPair>>> {
    return this.request('POST', '/v1/auth/sign-in', TokenPair, { body: { email, password }, anonymous: true });
  }

  refresh(refreshToken: string): Promise<ApiResult<z.infer<typeof TokenPair>>> {
    return this.request('POST', '/v1/auth/refresh', TokenPair, { body: { refreshToken }, anonymous: true });
  }

  /** Ends the session on the server; never follows a redirect (that would carry the refresh token elsewhere). */
  signOut(refreshToken: string): Promise<ApiResult<null>> {
    return this.request('POST', '/v1/auth/sign-out', nullAnswer, { body: { refreshToken }, anonymous: true, timeoutMs: 5000 });
  }

  me(): Promise<ApiResult<z.infer<typeof Account>>> {
    return this.request('GET', '/v1/me', Account);
  }

  claim(size: number): Promise<ApiResult<z.infer<typeof ClaimResponse>>> {
    return this.request('POST', '/v1/batches/claim', ClaimResponse, { body: { size } });
  }

  assignments(): Promise<ApiResult<z.infer<typeof AssignmentList>>> {
    return this.request('GET', '/v1/assignments', AssignmentList);
  }

  manifest(submissionId: string): Promise<ApiResult<z.infer<typeof SubmissionManifest>>> {
    return this.request('GET', `/v1/submissions/${encodeURIComponent(submissionId)}`, SubmissionManifest);
  }

  decide(submissionId: string, idempotencyKey: string, decision: DecisionRequest): Promise<ApiResult<z.infer<typeof DecisionReceipt>>> {
    return this.postOnce(`/v1/submissions/${encodeURIComponent(submissionId)}/decision`, DecisionReceipt, decision, idempotencyKey);
  }


  qualifications(): Promise<ApiResult<z.infer<typeof QualificationList>>> {
    return this.request('GET', '/v1/me/qualifications', QualificationList);
  }

  accuracy(): Promise<ApiResult<z.infer<typeof AccuracyReport>>> {
    return this.request('GET', '/v1/me/accuracy', AccuracyReport);
  }

  calibrationSets(credentialId?: string): Promise<ApiResult<z.infer<typeof CalibrationSetList>>> {
    return this.request('GET', `/v1/calibration-sets${credentialId ? `?credentialId=${encodeURIComponent(credentialId)}` : ''}`, CalibrationSetList);
  }

  /** The body as the contract accepts it (fields with defaults may be left out). */
  createCalibrationSet(body: z.input<typeof CalibrationSetCreate>): Promise<ApiResult<z.infer<typeof CalibrationSet>>> {
    return this.request('POST', '/v1/calibration-sets', CalibrationSet, { body });
  }

  respondToCalibration(setId: string, idempotencyKey: string, body: z.input<typeof CalibrationResponseRequest>): Promise<ApiResult<z.infer<typeof CalibrationFeedback>>> {
    return this.postOnce(`/v1/calibration-sets/${encodeURIComponent(setId)}/responses`, CalibrationFeedback, body, idempotencyKey);
  }

  /** A lead lets an assessor take a calibration set again (a new attempt, recorded with the note). */
  resetCalibration(setId: string, idempotencyKey: string, body: CalibrationResetRequest): Promise<ApiResult<z.infer<typeof CalibrationAttempt>>> {
    return this.postOnce(`/v1/calibration-sets/${encodeURIComponent(setId)}/resets`, CalibrationAttempt, body, idempotencyKey);
  }

  qualityRules(): Promise<ApiResult<z.infer<typeof QualityRulesList>>> {
    return this.request('GET', '/v1/quality-rules', QualityRulesList);
  }

  setQualityRules(rules: QualityRules): Promise<ApiResult<z.infer<typeof QualityRules>>> {
    return this.request('PUT', `/v1/quality-rules/${encodeURIComponent(rules.credentialId)}`, QualityRules, { body: rules });
  }

  adjudications(): Promise<ApiResult<z.infer<typeof AdjudicationList>>> {
    return this.request('GET', '/v1/adjudications', AdjudicationList);
  }

  resolveAdjudication(submissionId: string, idempotencyKey: string, body: AdjudicationResolutionRequest): Promise<ApiResult<z.infer<typeof AdjudicationReceipt>>> {
    return this.postOnce(`/v1/adjudications/${encodeURIComponent(submissionId)}/resolution`, AdjudicationReceipt, body, idempotencyKey);
  }

  /** The lead's backreading queue: sampled decisions, reviewed or not. */
  backreads(): Promise<ApiResult<z.infer<typeof BackreadList>>> {
    return this.request('GET', '/v1/backreads', BackreadList);
  }

  reviewBackread(submissionId: string, idempotencyKey: string, body: BackreadReviewRequest): Promise<ApiResult<z.infer<typeof BackreadReceipt>>> {
    return this.postOnce(`/v1/backreads/${encodeURIComponent(submissionId)}/review`, BackreadReceipt, body, idempotencyKey);
  }

  /** What leads said when they backread this assessor's decisions. */
  backreadFeedback(): Promise<ApiResult<BackreadFeedback>> {
    return this.request('GET', '/v1/me/backreads', BackreadFeedback);
  }

  /** This assessor's referrals with their threads (`all`: every referral, for a lead). */
  referrals(all: boolean): Promise<ApiResult<ReferralList>> {
    return this.request('GET', all ? '/v1/referrals' : '/v1/me/referrals', ReferralList);
  }

  refer(idempotencyKey: string, body: ReferralCreate): Promise<ApiResult<Referral>> {
    return this.postOnce('/v1/referrals', Referral, body, idempotencyKey);
  }

  replyToReferral(referralId: string, idempotencyKey: string, body: ReferralMessageCreate): Promise<ApiResult<Referral>> {
    return this.postOnce(`/v1/referrals/${encodeURIComponent(referralId)}/messages`, Referral, body, idempotencyKey);
  }

  lockouts(): Promise<ApiResult<z.infer<typeof LockoutList>>> {
    return this.request('GET', '/v1/lockouts', LockoutList);
  }

  liftLockout(idempotencyKey: string, body: LockoutLiftRequest): Promise<ApiResult<z.infer<typeof LockoutList>>> {
    return this.postOnce('/v1/lockouts/lift', LockoutList, body, idempotencyKey);
  }

  /** Changes for the audit trail (append-only there; each change's id makes a resend harmless). */
  uploadAudit(idempotencyKey: string, body: AuditUpload): Promise<ApiResult<z.infer<typeof AuditReceipt>>> {
    return this.postOnce('/v1/audit', AuditReceipt, body, idempotencyKey);
  }

  /** One submission's audit trail, found by its id or its label (lead): a few accounts' changes (2 MB each at most on the server) and the decisions as received. */
  auditTrail(submission: string): Promise<ApiResult<AuditTrail>> {
    return this.request('GET', `/v1/lead/audit?submission=${encodeURIComponent(submission)}`, AuditTrail, { maxBytes: maxAuditTrailBytes });
  }

  /** Large: read and checked in the lead-data worker thread, never on core's own thread. */
  leadRatings(): Promise<ApiResult<z.infer<typeof LeadData>>> {
    return this.request('GET', '/v1/lead/ratings', LeadData, { maxBytes: maxLeadDataBytes, timeoutMs: 300_000 });
  }

  calibrationCandidates(credentialId: string): Promise<ApiResult<z.infer<typeof CandidateList>>> {
    return this.request('GET', `/v1/lead/candidates?credentialId=${encodeURIComponent(credentialId)}`, CandidateList);
  }

  /**
   * An outbox entry's POST: `body` to `path` under the entry's idempotency key, so that a resend is
   * recorded once. An outbox job for a new endpoint sends through this; it needs no method here.
   */
  postOnce<T>(path: string, answer: z.ZodType<T>, body: unknown, idempotencyKey: string): Promise<ApiResult<T>> {
    return this.request('POST', path, answer, { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  private async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, schema: z.ZodType<T>, init: CallOptions = {}): Promise<ApiResult<T>> {
    const token = init.anonymous ? null : this.options.accessToken();
    const result = await this.send(method, path, schema, init, token);
    // The request never ran (401 comes before any work), so sending it once more is safe.
    if (!result.ok && result.failure.kind === 'unauthorized' && token && this.options.onUnauthorized && (await this.options.onUnauthorized(token))) {
      return this.send(method, path, schema, init, this.options.accessToken());
    }
    return result;
  }

  private async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, schema: z.ZodType<T>, init: CallOptions, token: string | null): Promise<ApiResult<T>> {
    let response: Response;
    let text: string;
    try {
      response = await (this.options.fetch ?? fetch)(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(init.timeoutMs ?? this.options.timeoutMs ?? 30_000),
        redirect: 'error',
      });
      const limit = init.maxBytes ?? maxJsonBytes;
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > limit) {
        await response.body?.cancel();
        return { ok: false, failure: { kind: 'malformed', message: `The server announced an absurd ${declared}-byte answer.` } };
      }
      const read = await readAtMost(response, limit);
      if (read === null) return { ok: false, failure: { kind: 'malformed', message: `The answer is absurdly large (over ${limit} bytes).` } };
      text = read;
    } catch (error) {
      return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : 'The request failed.' } };
    }
    this.options.onServerDate?.(response.headers.get('date'));
    const body = parseJson(text);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { ok: false, failure: { kind: 'throttled', retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) * 1000 : 1000 } };
    }
    if (response.status >= 500) return { ok: false, failure: { kind: 'server', status: response.status, message: ApiError.safeParse(body).data?.error.message ?? `HTTP ${response.status}` } };
    if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized', code: ApiError.safeParse(body).data?.error.code ?? 'unauthenticated' } };
    if (response.status === 404) return { ok: false, failure: { kind: 'not_found', message: ApiError.safeParse(body).data?.error.message ?? 'Not found.' } };
    if (response.status === 409 || response.status === 403) {
      const conflict = DecisionConflict.safeParse(body);
      if (response.status === 409 && conflict.success) return { ok: false, failure: { kind: 'conflict', reason: conflict.data.error.reason, message: conflict.data.error.message } };
      const refusal = ApiError.safeParse(body);
      return refusal.success
        ? { ok: false, failure: { kind: 'refused', status: response.status, code: refusal.data.error.code, message: refusal.data.error.message } }
        : { ok: false, failure: { kind: 'malformed', message: `A ${response.status} answer did not follow the contract.` } };
    }
    if (response.status === 422) {
      return { ok: false, failure: { kind: 'invalid', fields: ValidationFailure.safeParse(body).data?.error.fields ?? [] } };
    }
    if (response.status === 413) return { ok: false, failure: { kind: 'too_large', message: ApiError.safeParse(body).data?.error.message ?? 'The request is larger than the server accepts.' } };
    if (response.status < 200 || response.status >= 300) return { ok: false, failure: { kind: 'malformed', message: `Unexpected HTTP ${response.status}.` } };
    if (response.status === 204) return (schema as z.ZodType) === nullAnswer ? { ok: true, value: null as T } : { ok: false, failure: { kind: 'malformed', message: `The answer to ${method} ${path} was empty.` } };
    if (body === undefined) return { ok: false, failure: { kind: 'malformed', message: `The answer to ${method} ${path} is not JSON (an HTML page or a cut-off body?).` } };
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, failure: { kind: 'malformed', message: `The answer to ${method} ${path} does not follow the contract.` } };
    return { ok: true, value: parsed.data };
  }
}

/** The body as text, or null (and the rest left unread) once it passes `limit` bytes: a body without a Content-Length can be endless. */
async function readAtMost(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(part.value);
  }
  return Buffer.concat(parts).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
