import { join } from 'node:path';
import { describeIssues, fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { isMethodName, methods } from '../../shared/contract/methods';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { openDatabase } from './db/database';
import type { Db } from './db/database';
import { DomainError } from './errors';
import { handlers } from './handlers';
import type { HandlerContext } from './handlers';
import { countBatches } from './repositories/batches';
import { getEvidence } from './repositories/evidence';
import { Id } from '../../shared/domain/rubric';
import { importDemoWorkspace } from './demo/import-demo';
import { generateBatch } from './demo/generate-batch';
import type { Logger } from './log';
import { consoleLogger } from './log';

export interface CoreOptions {
  /** Where the database and caches live (ASSESSOR_DATA_DIR or the OS's app-data folder). */
  dataDir: string;
  /** The app's bundled resources (holds demo/). */
  resourcesDir: string;
  version: string;
  nativeBinding?: string | undefined;
  /** Adds a synthetic batch of this many submissions (load tests, benches). */
  generatedBatch?: number | undefined;
  now?: () => Date;
  logger?: Logger;
}

export type CoreEventListener = (event: EventName, payload: EventPayload<EventName>) => void;

/** A local evidence file for a host to stream; never part of the renderer contract. */
export interface EvidenceFile {
  path: string;
  mimeType: string;
}

export interface Core {
  /** Validates `input` against the method's schema and runs it; never throws. */
  invoke(method: string, input: unknown): Result<unknown>;
  /** Where a host finds an evidence item's bytes (or its captions), by opaque id. */
  resolveEvidenceFile(evidenceId: string, part: 'media' | 'captions'): EvidenceFile | null;
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
  const context: HandlerContext = {
    db,
    version: options.version,
    now,
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
  };

  return {
    db,
    invoke(method, input) {
      if (!isMethodName(method)) return fail('unknown_method', `There is no method called ${method.slice(0, 80)}.`);
      const plain = ownDataOf(input);
      if (plain === invalid) return fail('invalid_input', `${method}: the payload must be plain data.`);
      const parsed = methods[method].input.safeParse(plain);
      if (!parsed.success) return fail('invalid_input', `${method}: ${describeIssues(parsed.error)}`);
      try {
        const handler = handlers[method] as (input: unknown, context: HandlerContext) => unknown;
        return { ok: true, value: handler(parsed.data, context) };
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message);
        logger.error(`${method} failed`, error);
        return fail('internal', 'Something went wrong in the workstation core; your saved work is unaffected.');
      }
    },
    resolveEvidenceFile(evidenceId, part) {
      if (!Id.safeParse(evidenceId).success) return null;
      const evidence = getEvidence(db, evidenceId);
      if (!evidence || evidence.availability !== 'available') return null;
      if (part === 'captions') return evidence.captionsPath ? { path: evidence.captionsPath, mimeType: 'text/vtt; charset=utf-8' } : null;
      return evidence.localPath ? { path: evidence.localPath, mimeType: evidence.mimeType } : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}
