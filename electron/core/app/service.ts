import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import { Id } from '../../../shared/domain/rubric';
import type { EvidencePart } from '../../hosts-shared/evidence-file';
import { WorkspaceChanges } from '../contract/changes';
import { combineHandlers } from '../contract/handler-app';
import type { AllHandlers } from '../contract/handler-app';
import { ContractDispatcher } from '../contract/dispatch';
import { DatabaseKeyFile, databaseKeyFileName } from '../db/database-keys';
import type { DatabaseKeys, DatabaseKeyStore } from '../db/database-keys';
import { DatabaseKeyring } from '../db/keyring';
import { generateBatch } from '../demo/generate-batch';
import { importDemoWorkspace } from '../demo/import-demo';
import { sweepDeletedFiles } from '../evidence/file-sweeper';
import { evidenceHandlers } from '../evidence/handlers';
import { evidenceReads } from '../evidence/plaintext-reads';
import type { EvidenceReads } from '../evidence/plaintext-reads';
import { accountHandlers } from '../account/handlers';
import { batchHandlers } from '../batches/handlers';
import { calibrationHandlers } from '../calibration/handlers';
import { commentBankHandlers } from '../comment-bank/handlers';
import { connectToHostedApi } from './connection';
import { FileVault } from '../hosted/secret-vault';
import type { SecretVault } from '../hosted/secret-vault';
import { systemClock } from '../platform/clock';
import type { Clock } from '../platform/clock';
import { consoleLogger } from '../platform/log';
import type { Logger } from '../platform/log';
import { lockDataFolder } from '../platform/data-folder-lock';
import { ensurePrivateFolder, keptApart } from '../platform/private-files';
import { leadHandlers } from '../lead/handlers';
import { leadsOnly } from '../lead/leads-only';
import type { SignedInAccount } from '../lead/leads-only';
import { referralHandlers } from '../referrals/handlers';
import { conflictHandlers } from '../scoring/conflict-handlers';
import { statusHandlers } from '../status/handlers';
import { thisMachine } from '../repositories/audit';
import { batchExists, countBatches } from '../repositories/batches';
import { getEvidence } from '../repositories/evidence';
import { scoringHandlers } from '../scoring/handlers';
import { workerScript } from '../process/worker-script';
import { outboxJobs } from './outbox-jobs';
import { workspaceHandlers } from '../workspace/handlers';

export interface CoreOptions {
  /** Where the database and caches live (ASSESSOR_DATA_DIR or the OS's app-data folder). */
  dataDir: string;
  /** The app's bundled resources (holds demo/). */
  resourcesDir: string;
  version: string;
  nativeBinding?: string | undefined;
  /**
   * The database's keys and where they are kept (the desktop's keychain, through its main process);
   * defaults to a 0600 file in the data folder (the preview host's way).
   */
  databaseKeys?: { keys: DatabaseKeys; store: DatabaseKeyStore };
  /** Adds a synthetic batch of this many submissions (load work: `npm run preview -- --generated-batch N`, benches). */
  generatedBatch?: number | undefined;
  /** Where secrets live; defaults to a 0600 file in the data folder (the preview host's way). */
  vault?: SecretVault;
  /** Pre-fills the sign-in form (ASSESSOR_SERVER_URL). */
  serverUrl?: string | undefined;
  /** Where core's worker threads are built (beside the desktop's core bundle); unset, they run from source. */
  workersDir?: string | undefined;
  /** What time it is, and waiting (the system's by default; tests may stop it). */
  clock?: Clock;
  logger?: Logger;
}

export type CoreEventListener = (event: EventName, payload: EventPayload<EventName>) => void;

/** Makes the URL the renderer loads an evidence item from (the preview host signs it; the desktop's app:// needs no signature). */
export type EvidenceUrlMaker = (evidenceId: string, part: EvidencePart) => string;
const relativeEvidenceUrl: EvidenceUrlMaker = (evidenceId, part) => `evidence/${encodeURIComponent(evidenceId)}${part === 'captions' ? '/captions' : ''}`;

export interface Core {
  /** Validates `input` and runs a method that answers at once; never throws. */
  invoke(method: string, input: unknown): Result<unknown>;
  /** Any method, including those that wait for the session (what the transports use). */
  invokeAsync(method: string, input: unknown): Promise<Result<unknown>>;
  /** An evidence item's (or its captions') plaintext, by opaque id and byte range, for a host to serve: its key stays here. */
  evidence: EvidenceReads;
  /** The host that serves evidence says how its URLs are made (called once, before the renderer loads). */
  useEvidenceUrls(make: EvidenceUrlMaker): void;
  subscribe(listener: CoreEventListener): () => void;
  close(): void;
}

export const databaseFileName = 'workstation.sqlite';

function keysBesideDataFolder(dataDir: string): { keys: DatabaseKeys; store: DatabaseKeyStore } {
  const store = new DatabaseKeyFile(keptApart(dataDir, databaseKeyFileName));
  return { keys: store.loadOrCreate(), store };
}

/** Opens the workstation: its database, the embedded demo on first start, the hosted connection, and every domain's handlers. */
export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const now = (): Date => clock.now();
  ensurePrivateFolder(options.dataDir);
  const unlockDataFolder = lockDataFolder(options.dataDir);
  const { keys, store } = options.databaseKeys ?? keysBesideDataFolder(options.dataDir);
  const keyring = new DatabaseKeyring(keys, store, logger);
  const db = keyring.open(join(options.dataDir, databaseFileName), { nativeBinding: options.nativeBinding });
  sweepDeletedFiles(db); // files a crash left behind after their rows were gone
  if (countBatches(db) === 0) {
    importDemoWorkspace(db, join(options.resourcesDir, 'demo'), now());
    logger.info('opened the embedded demo workspace');
  }
  if (options.generatedBatch && options.generatedBatch > 0 && !batchExists(db, `generated-${options.generatedBatch}`)) generateBatch(db, options.generatedBatch, now());

  const listeners = new Set<CoreEventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const listener of listeners) listener(event, payload);
  };
  let evidenceUrl = relativeEvidenceUrl;
  const hosted = connectToHostedApi({
    db,
    dataDir: options.dataDir,
    vault: options.vault ?? new FileVault(keptApart(options.dataDir, 'secrets.json')),
    databaseKey: { replace: () => keyring.replace(db) },
    defaultServerUrl: options.serverUrl ?? '',
    logger,
    clock,
    changes: new WorkspaceChanges((payload) => emit('workspace.changed', payload)),
    onStatus: (status) => emit('sync.changed', status),
    jobs: outboxJobs,
    leadDataWorker: workerScript('lead-data-worker', './lead/data-worker/lead-data-worker.ts', options.workersDir),
  });
  const account: SignedInAccount = () => hosted.session.account;
  // Every `lead.*` method, whichever domain handles it, only for a signed-in lead.
  const handlers: AllHandlers = leadsOnly(combineHandlers(
    workspaceHandlers({ db, now, version: options.version }),
    scoringHandlers({ db, now, onQueueChanged: (change) => emit('queue.changed', change), onDecided: () => hosted.loop.nudge(), readWrittenResponse: (record) => hosted.atRest.readWrittenResponse(record), machine: thisMachine(db) }),
    commentBankHandlers({ db, now }),
    conflictHandlers(hosted),
    evidenceHandlers({ db, retention: hosted.retention, status: hosted.status, downloads: hosted.downloads, evidenceUrl: (evidenceId, part) => evidenceUrl(evidenceId, part) }),
    accountHandlers(hosted),
    batchHandlers(hosted),
    statusHandlers(hosted),
    calibrationHandlers({ db, quality: hosted.quality }),
    leadHandlers({ db, now, leadSync: hosted.leadSync, lead: hosted.lead }),
    referralHandlers({ referrals: hosted.referrals, lead: hosted.lead }),
  ), account);
  const dispatcher = new ContractDispatcher(handlers, hosted.ready, logger);

  return {
    invoke: (method, input) => dispatcher.invoke(method, input),
    invokeAsync: (method, input) => dispatcher.invokeAsync(method, input),
    evidence: evidenceReads(
      (evidenceId, part) => {
        if (!Id.safeParse(evidenceId).success) return null;
        const evidence = getEvidence(db, evidenceId);
        if (!evidence || evidence.availability !== 'available') return null;
        if (part === 'captions') return evidence.captionsPath ? { path: evidence.captionsPath, mimeType: 'text/vtt; charset=utf-8' } : null;
        if (!evidence.localPath) return null;
        // Downloaded evidence is encrypted at rest; shipped demo media are plain resources.
        return evidence.localPath.endsWith('.enc')
          ? { path: evidence.localPath, mimeType: evidence.mimeType, sealed: { key: hosted.session.evidenceKey, evidenceId, bytes: evidence.bytes } }
          : { path: evidence.localPath, mimeType: evidence.mimeType };
      },
      // A downloaded file failing its integrity check is removed and fetched again.
      (evidenceId) => {
        if (hosted.atRest.removeUnreadable(evidenceId)) {
          hosted.status.publish();
          hosted.downloads.pump();
        }
      },
    ),
    useEvidenceUrls(make) {
      evidenceUrl = make;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      hosted.stop();
      db.close();
      unlockDataFolder();
    },
  };
}
