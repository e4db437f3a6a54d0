import { ServerClock } from '../../electron/core/hosted/server-clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubmissionManifest } from '../../shared/hosted-api/schemas';
import { openDatabase } from '../../electron/core/db/database';
import { newDatabaseKey } from '../../electron/core/db/database-keys';
import { listQueue, saveAssignment, saveBatch } from '../../electron/core/repositories/batches';
import { saveCredential, saveRubricVersion } from '../../electron/core/repositories/credentials';
import { insertDecision } from '../../electron/core/repositories/decisions';
import { enqueueJob } from '../../electron/core/hosted/outbox/job';
import { decisionJob } from '../../electron/core/scoring/outbox/decision';
import { saveSubmission } from '../../electron/core/repositories/submissions';
import { minimalAward } from './decisions';
import type { Db } from '../../electron/core/db/database';
import { readDemoWorkspace } from '../../electron/core/demo/import-demo';
import { DomainError } from '../../electron/core/contract/errors';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import type { ApiResult } from '../../electron/core/hosted/api-client';
import { failureToError } from '../../electron/core/hosted/session';
import type { SessionAccess } from '../../electron/core/hosted/session';
import { projectPaths } from '../../electron/launcher/project-paths';

// A fake hosted API (routes answered in process, through the real API client and its checks) and a
// fake session over it: what the unit tests of core's hosted parts run against.

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
  token: string | null;
}
export interface FakeAnswer {
  status: number;
  body?: unknown;
}
type Route = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

export class FakeApi {
  /** Every request, as `METHOD /path`. */
  readonly calls: string[] = [];
  private readonly routes = new Map<string, Route>();

  /** Answers `METHOD /path` (exact path, query left out) with a route or a fixed 200 body. */
  on(route: string, answer: Route | object): this {
    this.routes.set(route, typeof answer === 'function' ? (answer as Route) : () => ({ status: 200, body: answer }));
    return this;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const key = `${method} ${url.pathname}`;
    this.calls.push(key);
    const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? null;
    const route = this.routes.get(key);
    const answer = route ? await route({ method, path: url.pathname, body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined, token }) : { status: 404, body: { error: { code: 'not_found', message: `no route ${key}` } } };
    if (answer.status === 0) throw new TypeError('fetch failed'); // the network dropped the request
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
}

/** A network that does not answer: `{ status: 0 }` makes the fake fetch fail as a dropped connection does. */
export const noAnswer: FakeAnswer = { status: 0 };

export class FakeSession implements SessionAccess {
  currentEpoch = 1;
  signedIn = true;
  account: SessionAccess['account'] = { id: 'acct-1', email: 'assessor@example.org', displayName: 'Assessor', roles: ['assessor'] };
  serverUrl: string | null = 'https://api.test';
  accessToken: string | null = 'access-token-1-aaaaaaaaaaaa';
  readonly evidenceKey = Buffer.alloc(32, 7);
  readonly serverClock = new ServerClock(() => new Date());
  /** Tokens the server refused and the session renewed. */
  readonly renewed: string[] = [];

  constructor(private readonly api: FakeApi) {}

  assertCurrent(epoch: number): void {
    if (epoch !== this.currentEpoch || !this.signedIn) throw new DomainError('forbidden', 'The session ended while work was arriving.');
  }

  client(): HostedApiClient {
    if (!this.signedIn) throw new DomainError('forbidden', 'Sign in to the hosted API first.');
    return new HostedApiClient({ baseUrl: this.serverUrl!, accessToken: () => this.accessToken, onUnauthorized: (rejected) => this.recover(rejected), fetch: this.api.fetch });
  }

  async call<T>(call: (client: HostedApiClient) => Promise<ApiResult<T>>, doing = 'reach the hosted API'): Promise<T> {
    const result = await call(this.client());
    if (!result.ok) throw failureToError(result.failure, doing);
    return result.value;
  }

  /** Renews once per refused token: the next token is numbered on. */
  recover(rejected: string): Promise<boolean> {
    if (!this.signedIn) return Promise.resolve(false);
    if (rejected !== this.accessToken) return Promise.resolve(true);
    this.renewed.push(rejected);
    this.accessToken = `access-token-${this.renewed.length + 1}-aaaaaaaaaaaa`;
    return Promise.resolve(true);
  }

  noteAccount(account: NonNullable<SessionAccess['account']>): Promise<void> {
    this.account = account;
    return Promise.resolve();
  }

  /** Signed out (or wiped) elsewhere: work fetched under the old session must not be stored. */
  end(): void {
    this.currentEpoch += 1;
    this.signedIn = false;
  }
}

/** A real database file in a fresh folder, migrated, with nothing in it; `dispose` removes it. */
export function emptyDatabase(): { db: Db; dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'assessor-unit-'));
  const db = openDatabase(join(dir, 'workstation.sqlite'), newDatabaseKey());
  return { db, dir, dispose: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** A valid manifest, with the demo's first micro-credential and rubric, one video and one written response. */
export function manifestOf(id: string, label = `Submission ${id}`): SubmissionManifest {
  const demo = readDemoWorkspace(join(projectPaths().resources, 'demo'));
  const rubric = demo.rubrics[0]!;
  const credential = demo.credentials.find((candidate) => candidate.id === rubric.credentialId)!;
  return {
    id,
    label,
    attempt: 1,
    submittedAt: '2026-11-30T09:00:00.000Z',
    credential,
    rubric,
    previousAttempts: [],
    evidence: [
      { id: `${id}-video`, kind: 'video', title: 'Lesson', mimeType: 'video/webm', bytes: 1000, sha256: 'a'.repeat(64), durationMs: 60_000, url: `/v1/evidence/${id}-video`, captionsUrl: null, text: null },
      { id: `${id}-text`, kind: 'text', title: 'Reflection', mimeType: 'text/plain', bytes: 40, sha256: 'b'.repeat(64), durationMs: null, url: null, captionsUrl: null, text: 'What the students learned, in my words.' },
    ],
  };
}

/** A claimed submission (batch-1) stored as an import would; with `decidedLeavingAt`, an award waits in the outbox until then. */
export function claimedSubmission(db: Db, submissionId: string, decidedLeavingAt?: Date): void {
  const manifest = manifestOf(submissionId);
  saveCredential(db, manifest.credential);
  saveRubricVersion(db, manifest.rubric);
  saveBatch(db, { id: 'batch-1', label: 'Batch', isDemo: false, claimedAt: '2026-12-05T08:00:00.000Z', leaseExpiresAt: '2026-12-12T00:00:00.000Z', dueAt: '2026-12-10T00:00:00.000Z' });
  saveSubmission(db, { id: submissionId, credentialId: manifest.credential.id, rubricVersionId: manifest.rubric.id, label: manifest.label, attempt: 1, submittedAt: manifest.submittedAt });
  const position = listQueue(db, 'batch-1', new Date()).length;
  saveAssignment(db, { submissionId, batchId: 'batch-1', position, leaseExpiresAt: '2026-12-12T00:00:00.000Z', dueAt: '2026-12-10T00:00:00.000Z' });
  if (!decidedLeavingAt) return;
  const payload = minimalAward(submissionId, manifest.rubric);
  db.transaction(() => {
    insertDecision(db, { submissionId, outcome: 'award', conditionCode: null, note: '', rubricVersionId: manifest.rubric.id, decidedAt: payload.decidedAt });
    enqueueJob(db, decisionJob, { entityId: submissionId, payload, at: payload.decidedAt, idempotencyKey: `key-${submissionId}`, leavesAt: decidedLeavingAt.toISOString() });
  })();
}
