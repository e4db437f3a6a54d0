import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/hosted-api/openapi';
import { AssignmentList, ClaimResponse, DecisionReceipt, SubmissionManifest, TokenPair } from '../../shared/hosted-api/schemas';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

const root = projectPaths().root;
let dataDir: string;
let api: HostedApi;
/** Moves the server's clock, so grace periods and throttling windows pass without waiting. */
let clockAheadMs = 0;

async function startApi(faults = {}): Promise<HostedApi> {
  const started = await startHostedApi({ dataDir, port: 0, openApiFile: defaultOpenApiFile(root), faults, now: () => new Date(Date.now() + clockAheadMs) });
  await seed(started.store, 'demo', `${root}/resources/demo`, dataDir);
  return started;
}

beforeAll(async () => {
  dataDir = tempDir('assessor-hosted-');
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  cleanup(dataDir);
});

async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; json: unknown; bytes: Buffer }> {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, json: parseOrNull(bytes), bytes };
}

function parseOrNull(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

const signIn = async (email = 'assessor@example.org') => TokenPair.parse((await call('/v1/auth/sign-in', { body: { email, password: seededPassword } })).json);

function decisionFor(manifest: { rubric: { id: string; components: { criteria: { id: string }[] }[] } }, overrides: Partial<DecisionRequest> = {}): DecisionRequest {
  return {
    rubricVersionId: manifest.rubric.id,
    outcome: 'award',
    conditionCode: null,
    note: '',
    scores: manifest.rubric.components.flatMap((component) => component.criteria.map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: '' }))),
    comments: [],
    feedback: { overall: 'Well done.', components: {} },
    activeMs: 120_000,
    decidedAt: new Date(Date.now() + clockAheadMs).toISOString(), // on the server's clock, which the tests move
    basedOn: null,
    ...overrides,
  };
}

describe('contract', () => {
  it('keeps resources/openapi.json equal to the document generated from the zod schemas, and serves it', async () => {
    const committed = JSON.parse(readFileSync(defaultOpenApiFile(root), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect((await call('/openapi.json')).json).toEqual(committed);
  });
});

describe('auth', () => {
  it('signs in, says who I am, refuses bad passwords', async () => {
    expect((await call('/v1/auth/sign-in', { body: { email: 'assessor@example.org', password: 'wrong' } })).status).toBe(401);
    expect((await call('/v1/auth/sign-in', { body: { email: 'not-an-email', password: 'x' } })).status).toBe(422);
    const tokens = await signIn('LEAD@example.org');
    expect(tokens.account.roles).toEqual(['assessor', 'lead']);
    expect((await call('/v1/me', { token: tokens.accessToken })).json).toMatchObject({ email: 'lead@example.org' });
    expect((await call('/v1/me')).status).toBe(401);
  });

  it('keeps passwords under scrypt with its cost stated in every hash', () => {
    const stored = api.store.db.prepare('SELECT password_hash FROM accounts WHERE email = ?').get('assessor@example.org') as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored.password_hash).not.toContain(seededPassword);
  });

  it('does the same work for an unknown email as for a known one', async () => {
    const before = api.store.auth.passwordChecks;
    expect((await call('/v1/auth/sign-in', { body: { email: 'nobody@example.org', password: 'wrong' } })).json).toMatchObject({ error: { code: 'bad_credentials' } });
    expect(api.store.auth.passwordChecks).toBe(before + 1);
    expect((await call('/v1/auth/sign-in', { body: { email: 'assessor2@example.org', password: 'wrong' } })).json).toMatchObject({ error: { code: 'bad_credentials' } });
    expect(api.store.auth.passwordChecks).toBe(before + 2);
  });

  it('rotates refresh tokens, and gives the same pair again when a reply was lost', async () => {
    const tokens = await signIn();
    const refreshed = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).json);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    // The reply was lost: the client asks again with the same token inside the grace period.
    const repeated = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).json);
    expect([repeated.accessToken, repeated.refreshToken]).toEqual([refreshed.accessToken, refreshed.refreshToken]);
    expect((await call('/v1/me', { token: repeated.accessToken })).status).toBe(200);
    const next = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: refreshed.refreshToken } })).json);
    expect((await call('/v1/me', { token: next.accessToken })).status).toBe(200);
  });

  it('revokes the whole session when a rotated refresh token is used again after its successor, or after the grace period', async () => {
    // A thief replays the old token after the owner moved on: both lose the session.
    const stolen = await signIn();
    const owner = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: stolen.refreshToken } })).json);
    const ownerNext = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: owner.refreshToken } })).json);
    expect((await call('/v1/auth/refresh', { body: { refreshToken: stolen.refreshToken } })).json).toMatchObject({ error: { code: 'token_reused' } });
    expect((await call('/v1/me', { token: ownerNext.accessToken })).json).toMatchObject({ error: { code: 'token_revoked' } });
    expect((await call('/v1/auth/refresh', { body: { refreshToken: ownerNext.refreshToken } })).json).toMatchObject({ error: { code: 'token_revoked' } });

    // Reuse past the grace period: the same.
    const late = await signIn();
    const rotated = TokenPair.parse((await call('/v1/auth/refresh', { body: { refreshToken: late.refreshToken } })).json);
    clockAheadMs += 61_000;
    try {
      expect((await call('/v1/auth/refresh', { body: { refreshToken: late.refreshToken } })).json).toMatchObject({ error: { code: 'token_reused' } });
      expect((await call('/v1/me', { token: rotated.accessToken })).status).toBe(401);
    } finally {
      clockAheadMs -= 61_000;
    }
  });

  it('ends the session on sign-out, and orders a machine reported lost to wipe', async () => {
    const tokens = await signIn();
    expect((await call('/v1/auth/sign-out', { body: { refreshToken: tokens.refreshToken } })).status).toBe(204);
    expect((await call('/v1/me', { token: tokens.accessToken })).json).toMatchObject({ error: { code: 'token_revoked' } });
    const lost = await signIn('assessor2@example.org');
    api.store.auth.orderRemoteWipe(api.store.accountByEmail('assessor2@example.org')!.id, new Date());
    expect((await call('/v1/me', { token: lost.accessToken })).json).toMatchObject({ error: { code: 'remote_wipe' } });
    expect((await call('/v1/auth/refresh', { body: { refreshToken: lost.refreshToken } })).json).toMatchObject({ error: { code: 'remote_wipe' } });
    // A new sign-in (after the wipe) starts clean.
    expect((await call('/v1/me', { token: (await signIn('assessor2@example.org')).accessToken })).status).toBe(200);
  });
});

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after repeated failures for one account, whatever the password, and recovers', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await call('/v1/auth/sign-in', { body: { email: 'lead@example.org', password: `guess ${attempt}` } })).status).toBe(401);
    }
    const throttled = await call('/v1/auth/sign-in', { body: { email: 'lead@example.org', password: seededPassword } });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(throttled.json).toMatchObject({ error: { code: 'too_many_attempts' } });
    // Another account from the same address is not locked by this one's failures.
    expect((await call('/v1/auth/sign-in', { body: { email: 'assessor@example.org', password: seededPassword } })).status).toBe(200);
    clockAheadMs += Number(throttled.headers.get('retry-after')) * 1000 + 1000;
    expect((await call('/v1/auth/sign-in', { body: { email: 'lead@example.org', password: seededPassword } })).status).toBe(200);
  });

  it('throttles an address that tries many accounts, and an unknown email like a known one', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await call('/v1/auth/sign-in', { body: { email: 'ghost@example.org', password: 'x' } });
    expect((await call('/v1/auth/sign-in', { body: { email: 'ghost@example.org', password: 'x' } })).status).toBe(429);
    for (let attempt = 0; attempt < 20; attempt++) await call('/v1/auth/sign-in', { body: { email: `spray-${attempt}@example.org`, password: 'x' } });
    expect((await call('/v1/auth/sign-in', { body: { email: 'assessor@example.org', password: seededPassword } })).status).toBe(429);
    clockAheadMs += 16 * 60_000; // failures older than 15 minutes are forgotten
    expect((await call('/v1/auth/sign-in', { body: { email: 'assessor@example.org', password: seededPassword } })).status).toBe(200);
  });
});

describe('claims, manifests and evidence', () => {
  it('leases different submissions to different assessors and lists them', async () => {
    const one = await signIn('assessor@example.org');
    const two = await signIn('assessor2@example.org');
    const first = ClaimResponse.parse((await call('/v1/batches/claim', { token: one.accessToken, body: { size: 4 } })).json);
    const second = ClaimResponse.parse((await call('/v1/batches/claim', { token: two.accessToken, body: { size: 4 } })).json);
    expect(first.assignments).toHaveLength(4);
    const overlap = first.assignments.filter((item) => second.assignments.some((other) => other.submissionId === item.submissionId));
    expect(overlap).toEqual([]);
    const listed = AssignmentList.parse((await call('/v1/assignments', { token: one.accessToken })).json);
    expect(listed.assignments.map((item) => item.submissionId)).toEqual(expect.arrayContaining(first.assignments.map((item) => item.submissionId)));
    expect((await call(`/v1/submissions/${second.assignments[0]!.submissionId}`, { token: one.accessToken })).status).toBe(404);
  });

  it('serves a manifest and evidence bytes with Range, ETag and If-Range', async () => {
    const tokens = await signIn('assessor2@example.org');
    const claim = ClaimResponse.parse((await call('/v1/batches/claim', { token: tokens.accessToken, body: { size: 1 } })).json);
    const manifest = SubmissionManifest.parse((await call(`/v1/submissions/${claim.assignments[0]!.submissionId}`, { token: tokens.accessToken })).json);
    const video = manifest.evidence.find((item) => item.url)!;
    const whole = await call(video.url!, { token: tokens.accessToken });
    expect(whole.status).toBe(200);
    expect(createHash('sha256').update(whole.bytes).digest('hex')).toBe(video.sha256);
    const etag = whole.headers.get('etag')!;
    const part = await call(video.url!, { token: tokens.accessToken, headers: { range: 'bytes=100-', 'if-range': etag } });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(whole.bytes.subarray(100))).toBe(true);
    const stale = await call(video.url!, { token: tokens.accessToken, headers: { range: 'bytes=100-', 'if-range': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect((await call(video.url!, { token: tokens.accessToken, headers: { range: `bytes=${video.bytes}-` } })).status).toBe(416);
    expect((await call(video.url!)).status).toBe(401);
  });
});

describe('decisions', () => {
  it('records once per idempotency key, replays the first answer, and refuses a reused key with another body', async () => {
    const tokens = await signIn();
    const claim = ClaimResponse.parse((await call('/v1/batches/claim', { token: tokens.accessToken, body: { size: 2 } })).json);
    const [first, second] = claim.assignments;
    const manifest = SubmissionManifest.parse((await call(`/v1/submissions/${first!.submissionId}`, { token: tokens.accessToken })).json);
    const body = decisionFor(manifest);
    const path = `/v1/submissions/${first!.submissionId}/decision`;
    expect((await call(path, { token: tokens.accessToken, body })).status).toBe(400); // no key
    const created = await call(path, { token: tokens.accessToken, body, headers: { 'idempotency-key': 'key-aaaaaaaa' } });
    expect(created.status).toBe(201);
    const receipt = DecisionReceipt.parse(created.json);
    const replay = await call(path, { token: tokens.accessToken, body, headers: { 'idempotency-key': 'key-aaaaaaaa' } });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(receipt);
    const reused = await call(path, { token: tokens.accessToken, body: { ...body, note: 'changed' }, headers: { 'idempotency-key': 'key-aaaaaaaa' } });
    expect(reused).toMatchObject({ status: 409, json: { error: { reason: 'idempotency_key_reused' } } });
    const elsewhere = await call(`/v1/submissions/${second!.submissionId}/decision`, { token: tokens.accessToken, body, headers: { 'idempotency-key': 'key-aaaaaaaa' } });
    expect(elsewhere).toMatchObject({ status: 409, json: { error: { reason: 'idempotency_key_reused' } } });
    const again = await call(path, { token: tokens.accessToken, body, headers: { 'idempotency-key': 'key-bbbbbbbb' } });
    expect(again).toMatchObject({ status: 409, json: { error: { reason: 'already_decided' } } });
    expect(api.store.db.prepare('SELECT count(*) AS n FROM decisions WHERE submission_id = ?').get(first!.submissionId)).toEqual({ n: 1 });

    const other = SubmissionManifest.parse((await call(`/v1/submissions/${second!.submissionId}`, { token: tokens.accessToken })).json);
    const invalid = await call(`/v1/submissions/${second!.submissionId}/decision`, {
      token: tokens.accessToken,
      body: { ...decisionFor(other), outcome: 'maybe', activeMs: -1 },
      headers: { 'idempotency-key': 'key-cccccccc' },
    });
    expect(invalid.status).toBe(422);
    expect((invalid.json as { error: { fields: { path: string }[] } }).error.fields.map((field) => field.path)).toEqual(expect.arrayContaining(['outcome', 'activeMs']));
    const superseded = await call(`/v1/submissions/${second!.submissionId}/decision`, {
      token: tokens.accessToken,
      body: decisionFor(other, { rubricVersionId: 'dp-fl-old-v0' }),
      headers: { 'idempotency-key': 'key-dddddddd' },
    });
    expect(superseded).toMatchObject({ status: 409, json: { error: { reason: 'rubric_superseded' } } });
    api.store.expireLease(second!.submissionId, new Date());
    const lapsed = await call(`/v1/submissions/${second!.submissionId}/decision`, { token: tokens.accessToken, body: decisionFor(other), headers: { 'idempotency-key': 'key-eeeeeeee' } });
    expect(lapsed).toMatchObject({ status: 409, json: { error: { reason: 'lease_expired' } } });
  });

  it('releases a lease so the submission can be claimed again', async () => {
    const tokens = await signIn('assessor2@example.org');
    const claim = ClaimResponse.parse((await call('/v1/batches/claim', { token: tokens.accessToken, body: { size: 1 } })).json);
    const id = claim.assignments[0]!.submissionId;
    expect((await call(`/v1/submissions/${id}/release`, { token: tokens.accessToken, body: {} })).status).toBe(204);
    expect((await call(`/v1/submissions/${id}/release`, { token: tokens.accessToken, body: {} })).status).toBe(404);
    const again = ClaimResponse.parse((await call('/v1/batches/claim', { token: tokens.accessToken, body: { size: 1 } })).json);
    expect(again.assignments[0]!.submissionId).toBe(id);
  });

  it('persists across a restart', async () => {
    const tokens = await signIn();
    const before = api.store.decisionCount();
    await api.close();
    api = await startApi();
    expect(api.store.decisionCount()).toBe(before);
    expect((await call('/v1/me', { token: tokens.accessToken })).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('answers 5xx, 429 with Retry-After, or cuts bodies, as configured', async () => {
    await api.close();
    api = await startApi({ errorRate: 1 });
    expect([500, 502, 503]).toContain((await call('/v1/me')).status);
    await api.close();
    api = await startApi({ throttleRate: 1 });
    const throttled = await call('/v1/me');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    await api.close();
    api = await startApi({ truncateRate: 1 });
    await expect(call('/v1/auth/sign-in', { body: { email: 'assessor@example.org', password: seededPassword } })).rejects.toThrow();
    await api.close();
    api = await startApi();
  });
});
