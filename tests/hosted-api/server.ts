import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseByteRange } from '../../electron/hosts-shared/byte-range';
import { decisionProblems } from '../../shared/domain/decision-check';
import { ClaimRequest, DecisionRequest, LeadNoteRequest } from '../../shared/hosted-api/schemas';
import type { ConflictReason, SubmissionManifest } from '../../shared/hosted-api/schemas';
import { noFaults, pickFault, randomSource } from './faults';
import type { Fault, FaultOptions } from './faults';
import { HostedStore } from './store';
import { authenticate, routeAuth } from './auth-routes';
import { fail, HttpError, parseJson, readBody, refuseFields } from './http-errors';
import { routeAudit } from './audit-routes';
import { routeBackreading } from './backreading-routes';
import { routeReferrals } from './referral-routes';
import { routeQuality } from './quality-routes';
import { NotQualified } from './quality-store';

export interface HostedApiOptions {
  dataDir: string;
  port: number;
  /** Where resources/openapi.json is served from. */
  openApiFile: string;
  faults?: Partial<FaultOptions>;
  accessTtlSeconds?: number;
  leaseSeconds?: number;
  now?: () => Date;
  /** Where a failure of this server is told (stderr unless a test that causes one on purpose collects it). */
  reportFailure?: (line: string) => void;
}

export interface HostedApi {
  url: string;
  port: number;
  store: HostedStore;
  /** Evidence bytes read from disk for clients (what a resumed download fetched twice shows up in). */
  stats: { evidenceBytesSent: number };
  close(): Promise<void>;
}

/**
 * The reference hosted API: a faithful, persistent implementation of the contract in
 * shared/hosted-api, with auth, leases, idempotent decisions, Range downloads and fault injection.
 */
export async function startHostedApi(options: HostedApiOptions): Promise<HostedApi> {
  const store = new HostedStore(options.dataDir);
  const faults: FaultOptions = { ...noFaults, ...options.faults };
  const random = randomSource(faults.seed);
  // Double-scoring and gold draws: repeatable, and apart from the fault sequence.
  const draws = randomSource(faults.seed + 7919);
  const now = options.now ?? (() => new Date());
  const accessTtl = options.accessTtlSeconds ?? 900;
  const leaseSeconds = options.leaseSeconds ?? 7 * 86_400;
  const stats = { evidenceBytesSent: 0 };

  const manifest = (submissionId: string): SubmissionManifest => {
    const submission = store.submission(submissionId);
    if (!submission) throw fail(404, 'not_found', 'No such submission.');
    return {
      id: submission.id,
      label: submission.label,
      attempt: submission.attempt,
      submittedAt: submission.submittedAt,
      credential: submission.credential,
      rubric: submission.rubric,
      previousAttempts: submission.previousAttempts,
      evidence: submission.evidence.map(({ item, file, captionsFile }) => ({
        ...item,
        url: file ? `/v1/evidence/${item.id}` : null,
        captionsUrl: captionsFile ? `/v1/evidence/${item.id}/captions` : null,
      })),
    };
  };

  /**
   * Runs a write once per Idempotency-Key: a replay of the same key and body gets the first answer,
   * the same key with another body is refused. Validation failures (422) are not remembered.
   */
  const idempotent = async (
    request: IncomingMessage,
    accountId: string,
    write: (raw: Buffer) => { status: number; body: unknown },
  ): Promise<{ status: number; body: unknown }> => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) throw fail(400, 'idempotency_key_required', 'Send an Idempotency-Key header (8–128 safe characters).');
    const raw = await readBody(request);
    // The key names one request: the same key sent to another path is a different request, refused.
    const requestHash = createHash('sha256').update(`${request.method ?? ''} ${new URL(request.url ?? '/', 'http://localhost').pathname}\n`).update(raw).digest('hex');
    return store.db.transaction(() => {
      const earlier = store.idempotentReplay(accountId, key);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          return { status: 409, body: { error: { code: 'conflict', reason: 'idempotency_key_reused', message: 'This Idempotency-Key was used with a different request.' } } };
        }
        return { status: earlier.status, body: earlier.response };
      }
      const answer = write(raw);
      store.rememberAnswer(accountId, key, requestHash, answer.status, answer.body);
      return answer;
    })();
  };

  const decide = (request: IncomingMessage, accountId: string, submissionId: string): Promise<{ status: number; body: unknown }> =>
    idempotent(request, accountId, (raw) => {
      const decision = parseJson(raw, DecisionRequest);
      const conflict = (reason: ConflictReason, message: string) => ({ status: 409, body: { error: { code: 'conflict', reason, message } } });
      if (!store.exists(submissionId)) throw fail(404, 'not_found', 'No such submission.');
      if (store.isDecided(submissionId, accountId)) return conflict('already_decided', 'This submission already has a decision.');
      if (!store.liveAssignment(accountId, submissionId, now())) return conflict('lease_expired', 'Your lease on this submission has expired and it may have been reassigned.');
      if (store.currentRubricId(submissionId) !== decision.rubricVersionId) return conflict('rubric_superseded', 'The rubric was replaced after you started; rescore against the new version.');
      const submission = store.submission(submissionId)!;
      const problems = decisionProblems(submission.rubric, new Map(submission.evidence.map(({ item }) => [item.id, item])), decision, now(), store.firstAssignedAt(accountId, submissionId));
      if (problems.length > 0) throw refuseFields(problems);
      const receipt = store.recordDecision(accountId, submissionId, decision, now());
      store.quality.afterDecision(accountId, submissionId, decision, now());
      store.audit.recordReceivedDecision(receipt.decisionId, accountId, submissionId, decision, now());
      return { status: 201, body: receipt };
    });

  const keepForLead = (request: IncomingMessage, accountId: string, submissionId: string): Promise<{ status: number; body: unknown }> =>
    idempotent(request, accountId, (raw) => {
      const note = parseJson(raw, LeadNoteRequest);
      // Only work this account was once given: its lease may have lapsed since.
      if (!store.wasAssigned(accountId, submissionId)) throw fail(404, 'not_found', 'That submission was never assigned to you.');
      // Refused as a decision, still held to the rubric it names (which may since have been replaced).
      const submission = store.submission(submissionId)!;
      const rubric = store.rubric(note.decision.rubricVersionId);
      if (!rubric || rubric.credentialId !== submission.credential.id) throw refuseFields([{ path: 'decision.rubricVersionId', message: 'Not a rubric of this submission’s micro-credential.' }]);
      const problems = decisionProblems(rubric, new Map(submission.evidence.map(({ item }) => [item.id, item])), note.decision, now());
      if (problems.length > 0) throw refuseFields(problems.map((problem) => ({ ...problem, path: `decision.${problem.path}` })));
      return { status: 201, body: store.recordLeadNote(accountId, submissionId, note.reason, note.decision, now()) };
    });

  const serveEvidence = (request: IncomingMessage, response: ServerResponse, accountId: string, evidenceId: string, part: 'media' | 'captions', fault: Fault): void => {
    const evidence = store.evidence(evidenceId);
    if (!evidence || !store.mayRead(accountId, evidence.submissionId)) throw fail(404, 'not_found', 'No such evidence for this account.');
    const file = part === 'captions' ? evidence.captionsFile : evidence.file;
    if (!file) throw fail(404, 'not_found', 'This evidence has no file.');
    const size = statSync(file).size;
    const etag = part === 'media' ? `"${evidence.item.sha256}"` : `"captions-${evidence.item.sha256}"`;
    const ifRange = request.headers['if-range'];
    // A Range only applies to the version the client already has part of.
    const rangeHeader = ifRange === undefined || ifRange === etag ? request.headers.range : undefined;
    const range = parseByteRange(rangeHeader, size);
    // The stated type and no other: a browser must never sniff evidence into HTML or script.
    const headers: Record<string, string> = { etag, 'accept-ranges': 'bytes', 'content-type': part === 'captions' ? 'text/vtt' : evidence.item.mimeType, 'x-content-type-options': 'nosniff', date: now().toUTCString() };
    if (range.status === 416) {
      response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
      response.end();
      return;
    }
    const length = range.end - range.start + 1;
    response.writeHead(range.status, {
      ...headers,
      'content-length': String(length),
      ...(range.status === 206 ? { 'content-range': `bytes ${range.start}-${range.end}/${size}` } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const cutAt = fault === 'reset' || fault === 'truncate' ? range.start + Math.floor(length / 2) : range.end;
    const stream = createReadStream(file, { start: range.start, end: Math.max(range.start, cutAt) });
    stream.on('data', (chunk) => {
      stats.evidenceBytesSent += chunk.length;
    });
    // A client that went away stops the read, as a real server's would.
    response.on('close', () => stream.destroy());
    if (fault === 'slow') {
      // About 10 MB/s (64 KiB every 6 ms): a slow hotel link, and slower than any client reads, so
      // little waits in socket buffers when a client dies.
      stream.on('data', (chunk) => {
        stream.pause();
        response.write(chunk, () => setTimeout(() => stream.resume(), 6));
      });
      stream.on('end', () => response.end());
      return;
    }
    stream.on('end', () => {
      if (fault === 'reset') response.socket?.resetAndDestroy();
      else if (fault === 'truncate') response.socket?.destroy();
    });
    stream.pipe(response, { end: fault === 'none' });
  };

  const route = async (request: IncomingMessage, response: ServerResponse, fault: Fault): Promise<{ status: number; body: unknown } | null> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (method === 'GET' && path === '/openapi.json') return { status: 200, body: JSON.parse(readFileSync(options.openApiFile, 'utf8')) as unknown };
    const auth = await routeAuth(request, path, { store, now, accessTtlSeconds: accessTtl });
    if (auth) return auth;
    const { accountId } = authenticate(request, { store, now });
    if (method === 'GET' && path === '/v1/me') return { status: 200, body: store.account(accountId) };
    if (method === 'GET' && path === '/v1/assignments') return { status: 200, body: { assignments: store.assignments(accountId, now()) } };
    if (method === 'POST' && path === '/v1/batches/claim') {
      const { size } = parseJson(await readBody(request), ClaimRequest);
      try {
        return { status: 201, body: store.claim(accountId, size, now(), leaseSeconds, draws) };
      } catch (error) {
        if (error instanceof NotQualified) throw fail(403, 'not_qualified', error.message, { qualifications: error.qualifications });
        throw error;
      }
    }
    let match = /^\/v1\/submissions\/([A-Za-z0-9._:-]+)$/.exec(path);
    if (method === 'GET' && match) {
      if (!store.mayRead(accountId, match[1]!)) throw fail(404, 'not_found', 'No such submission for this account.');
      return { status: 200, body: manifest(match[1]!) };
    }
    match = /^\/v1\/submissions\/([A-Za-z0-9._:-]+)\/decision$/.exec(path);
    if (method === 'POST' && match) return decide(request, accountId, match[1]!);
    match = /^\/v1\/submissions\/([A-Za-z0-9._:-]+)\/lead-notes$/.exec(path);
    if (method === 'POST' && match) return keepForLead(request, accountId, match[1]!);
    match = /^\/v1\/submissions\/([A-Za-z0-9._:-]+)\/release$/.exec(path);
    if (method === 'POST' && match) {
      if (!store.release(accountId, match[1]!)) throw fail(404, 'not_found', 'You hold no lease on that submission.');
      return { status: 204, body: null };
    }
    match = /^\/v1\/evidence\/([A-Za-z0-9._:-]+)(\/captions)?$/.exec(path);
    if ((method === 'GET' || method === 'HEAD') && match) {
      serveEvidence(request, response, accountId, match[1]!, match[2] ? 'captions' : 'media', fault);
      return null;
    }
    const context = { store, now, accountId, idempotent };
    const quality = (await routeQuality(request, url, context)) ?? (await routeBackreading(request, url, context)) ?? (await routeReferrals(request, url, context)) ?? (await routeAudit(request, url, context));
    if (quality) return quality;
    throw fail(404, 'not_found', `No route for ${method} ${path}.`);
  };

  const sendJson = (response: ServerResponse, status: number, body: unknown, fault: Fault): void => {
    const text = body === null ? '' : JSON.stringify(body);
    // The Date header says the server's own time (its clock can be moved in tests): workstations read their clock's offset from it.
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', date: now().toUTCString() });
    if (fault === 'reset' && text.length > 0) {
      response.write(text.slice(0, Math.ceil(text.length / 2)), () => response.socket?.resetAndDestroy());
    } else if (fault === 'truncate' && text.length > 0) {
      response.write(text.slice(0, Math.ceil(text.length / 2)), () => response.socket?.destroy());
    } else if (fault === 'slow') {
      const pieces = text.match(/[\s\S]{1,64}/g) ?? [];
      const next = (): void => {
        const piece = pieces.shift();
        if (piece === undefined) response.end();
        else response.write(piece, () => setTimeout(next, 2));
      };
      next();
    } else {
      response.end(text);
    }
  };

  const server = createServer((request, response) => {
    const fault = request.url?.startsWith('/v1/') ? pickFault(faults, random, new URL(request.url, 'http://localhost').pathname) : 'none';
    const handle = async (): Promise<void> => {
      if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      if (fault === 'error') {
        const status = [500, 502, 503][Math.floor(random() * 3)]!;
        return sendJson(response, status, { error: { code: 'unavailable', message: 'Injected server error.' } }, 'none');
      }
      if (fault === 'throttle') {
        response.setHeader('retry-after', '1');
        return sendJson(response, 429, { error: { code: 'throttled', message: 'Slow down.' } }, 'none');
      }
      const answer = await route(request, response, fault);
      if (answer) sendJson(response, answer.status, answer.body, fault);
    };
    handle().catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
        return sendJson(response, error.status, error.body, 'none');
      }
      // A bug in this server, never a fault it was asked to inject: say where (no request data).
      (options.reportFailure ?? console.error)(`[hosted-api] ${request.method ?? ''} ${new URL(request.url ?? '/', 'http://localhost').pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(response, 500, { error: { code: 'internal', message: 'The reference server failed.' } }, 'none');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

export const defaultOpenApiFile = (root: string): string => join(root, 'resources', 'openapi.json');
