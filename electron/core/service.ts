import { join } from 'node:path';
import { describeIssues, fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { isMethodName, methods } from '../../shared/contract/methods';
import type { MethodName } from '../../shared/contract/methods';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { openDatabase } from './db/database';
import type { Db } from './db/database';
import { DomainError } from './errors';
import { handlers, networkMethods } from './handlers';
import type { HandlerContext, LocalMethodName, NetworkMethodName } from './handlers';
import { HostedConnection } from './hosted/connection';
import { networkHandlers } from './hosted/handlers';
import { FileVault } from './hosted/secret-vault';
import type { SecretVault } from './hosted/secret-vault';
import { countBatches } from './repositories/batches';
import { getEvidence } from './repositories/evidence';
import { Id } from '../../shared/domain/rubric';
import { importDemoWorkspace } from './demo/import-demo';
import { generateBatch } from './demo/generate-batch';
import type { Logger } from './log';
import { consoleLogger } from './log';
import { ensurePrivateFolder } from './private-files';

export interface CoreOptions {
  /** Where the database and caches live (ASSESSOR_DATA_DIR or the OS's app-data folder). */
  dataDir: string;
  /** The app's bundled resources (holds demo/). */
  resourcesDir: string;
  version: string;
  nativeBinding?: string | undefined;
  /** Adds a synthetic batch of this many submissions (load tests, benches). */
  generatedBatch?: number | undefined;
  /** Where secrets live; defaults to a 0600 file in the data folder (the preview host's way). */
  vault?: SecretVault;
  /** Pre-fills the sign-in form (ASSESSOR_SERVER_URL). */
  serverUrl?: string | undefined;
  now?: () => Date;
  logger?: Logger;
}

export type CoreEventListener = (event: EventName, payload: EventPayload<EventName>) => void;

/** A local evidence file for a host to stream; never part of the renderer contract. */
export interface EvidenceFile {
  path: string;
  mimeType: string;
  /** Set when the file is encrypted at rest: the key to read it with, the item it must be, its recorded size. */
  sealed?: { key: Buffer; evidenceId: string; bytes: number };
}

export type EvidencePart = 'media' | 'captions';
/** Makes the URL the renderer loads an evidence item from (the preview host signs it; the desktop's app:// needs no signature). */
export type EvidenceUrlMaker = (evidenceId: string, part: EvidencePart) => string;
const relativeEvidenceUrl: EvidenceUrlMaker = (evidenceId, part) => `evidence/${encodeURIComponent(evidenceId)}${part === 'captions' ? '/captions' : ''}`;

export interface Core {
  /** Validates `input` and runs a local method at once; never throws. */
  invoke(method: string, input: unknown): Result<unknown>;
  /** Any method, including those that talk to the hosted API (what the transports use). */
  invokeAsync(method: string, input: unknown): Promise<Result<unknown>>;
  /** Where a host finds an evidence item's bytes (or its captions), by opaque id. */
  resolveEvidenceFile(evidenceId: string, part: EvidencePart): EvidenceFile | null;
  /** A host found a downloaded file failing its integrity check: it is removed and fetched again. */
  reportUnreadableEvidence(evidenceId: string): void;
  /** The host that serves evidence says how its URLs are made (called once, before the renderer loads). */
  useEvidenceUrls(make: EvidenceUrlMaker): void;
  subscribe(listener: CoreEventListener): () => void;
  close(): void;
  readonly db: Db;
}

export const databaseFileName = 'workstation.sqlite';

const invalid = Symbol('invalid');

/**
 * A copy holding only own data properties: nothing inherited through a prototype can satisfy a
 * schema, and functions or other non-data values are refused. (Both transports deliver plain
 * data already; this keeps core safe whoever calls it.)
 */
function ownDataOf(input: unknown): unknown {
  try {
    return structuredClone(input);
  } catch {
    return invalid;
  }
}

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  ensurePrivateFolder(options.dataDir);
  const db = openDatabase(join(options.dataDir, databaseFileName), { nativeBinding: options.nativeBinding });
  if (countBatches(db) === 0) {
    importDemoWorkspace(db, join(options.resourcesDir, 'demo'), now());
    logger.info('opened the embedded demo workspace');
  }
  if (options.generatedBatch && options.generatedBatch > 0) {
    const exists = db.prepare('SELECT 1 FROM batches WHERE id = ?').get(`generated-${options.generatedBatch}`);
    if (!exists) generateBatch(db, options.generatedBatch, now());
  }

  const listeners = new Set<CoreEventListener>();
  let evidenceUrl = relativeEvidenceUrl;
  const context: HandlerContext = {
    db,
    version: options.version,
    now,
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    readWrittenResponse: (record) => connection.atRest.readWrittenResponse(record),
    evidenceUrl: (evidenceId, part) => evidenceUrl(evidenceId, part),
  };

  const connection = new HostedConnection({
    db,
    dataDir: options.dataDir,
    vault: options.vault ?? new FileVault(join(options.dataDir, 'secrets.json')),
    defaultServerUrl: options.serverUrl ?? '',
    logger,
    now,
    onStatus: (status) => context.emit('sync.changed', status),
    onWorkspaceChanged: () => context.emit('workspace.changed', {}),
  });
  context.afterDecision = () => connection.nudge();

  /** Checks the method and its input; on success, the parsed input to hand to its handler. */
  const validate = (method: string, input: unknown): { ok: true; method: MethodName; input: unknown } | ReturnType<typeof fail> => {
    if (!isMethodName(method)) return fail('unknown_method', `There is no method called ${method.slice(0, 80)}.`);
    const plain = ownDataOf(input);
    if (plain === invalid) return fail('invalid_input', `${method}: the payload must be plain data.`);
    const parsed = methods[method].input.safeParse(plain);
    if (!parsed.success) return fail('invalid_input', `${method}: ${describeIssues(parsed.error)}`);
    return { ok: true, method, input: parsed.data };
  };
  const failure = (method: string, error: unknown): ReturnType<typeof fail> => {
    if (error instanceof DomainError) return fail(error.code, error.message);
    logger.error(`${method} failed`, error);
    return fail('internal', 'Something went wrong in the workstation core; your saved work is unaffected.');
  };
  const runLocal = (method: LocalMethodName, input: unknown): Result<unknown> => {
    try {
      const handler = handlers[method] as (input: unknown, context: HandlerContext) => unknown;
      return { ok: true, value: handler(input, context) };
    } catch (error) {
      return failure(method, error);
    }
  };
  const isNetworkMethod = (method: MethodName): method is NetworkMethodName => (networkMethods as readonly string[]).includes(method);

  return {
    db,
    invoke(method, input) {
      const checked = validate(method, input);
      if (!checked.ok) return checked;
      if (isNetworkMethod(checked.method)) return fail('unavailable', `${method} answers asynchronously; use invokeAsync.`);
      return runLocal(checked.method, checked.input);
    },
    async invokeAsync(method, input) {
      const checked = validate(method, input);
      if (!checked.ok) return checked;
      if (!isNetworkMethod(checked.method)) return runLocal(checked.method, checked.input);
      try {
        const handler = networkHandlers[checked.method] as (input: unknown, connection: HostedConnection) => Promise<unknown>;
        return { ok: true, value: await handler(checked.input, connection) };
      } catch (error) {
        return failure(method, error);
      }
    },
    resolveEvidenceFile(evidenceId, part) {
      if (!Id.safeParse(evidenceId).success) return null;
      const evidence = getEvidence(db, evidenceId);
      if (!evidence || evidence.availability !== 'available') return null;
      if (part === 'captions') return evidence.captionsPath ? { path: evidence.captionsPath, mimeType: 'text/vtt; charset=utf-8' } : null;
      if (!evidence.localPath) return null;
      // Downloaded evidence is encrypted at rest; shipped demo media are plain resources.
      return evidence.localPath.endsWith('.enc')
        ? { path: evidence.localPath, mimeType: evidence.mimeType, sealed: { key: connection.evidenceKey, evidenceId, bytes: evidence.bytes } }
        : { path: evidence.localPath, mimeType: evidence.mimeType };
    },
    reportUnreadableEvidence(evidenceId) {
      if (Id.safeParse(evidenceId).success) connection.reportUnreadable(evidenceId);
    },
    useEvidenceUrls(make) {
      evidenceUrl = make;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      connection.stop();
      listeners.clear();
      db.close();
    },
  };
}
