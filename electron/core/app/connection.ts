import type { SyncStatus } from '../../../shared/contract/methods';
import type { WorkspaceChanges } from '../contract/changes';
import type { Db } from '../db/database';
import { EvidenceAtRest } from '../evidence/at-rest';
import { Retention } from '../evidence/retention';
import type { Logger } from '../platform/log';
import { LeadDataWorker } from '../lead/data-worker/lead-data-worker-client';
import type { WorkerScript } from '../process/worker-script';
import type { Clock } from '../platform/clock';
import type { OutboxJobs } from '../hosted/outbox/job';
import { SyncConflicts } from '../scoring/conflicts';
import { EvidenceDownloads } from '../evidence/downloads';
import { LeadSync } from '../lead/lead-sync';
import { LeadWork } from '../lead/lead-work';
import { ReferralWork } from '../referrals/referral-work';
import { QualitySync } from '../calibration/quality-sync';
import type { SecretVault } from '../hosted/secret-vault';
import { HostedSession } from '../hosted/session';
import { SessionEffects } from '../account/session-effects';
import { SyncStatusReporter } from '../status/sync-status';
import { SyncLoop } from '../hosted/sync-loop';
import { WorkImport } from '../batches/work-import';

export interface ConnectionOptions {
  db: Db;
  dataDir: string;
  vault: SecretVault;
  /** Replaces the database's key (a remote wipe); never rejects. */
  databaseKey: { replace(): Promise<void> };
  /** ASSESSOR_SERVER_URL: pre-fills the sign-in form. */
  defaultServerUrl: string;
  logger: Logger;
  clock: Clock;
  changes: WorkspaceChanges;
  onStatus: (status: SyncStatus) => void;
  leadDataWorker: WorkerScript;
  /** Every kind of work the outbox sends. */
  jobs: OutboxJobs;
  /** Between sync passes while nothing is due. */
  syncIntervalMs?: number;
}

/** The workstation's link to the hosted API, one part per job; each part owns its own state. */
export type HostedConnection = ReturnType<typeof connectToHostedApi>;

/** Wires the parts together. Everything keeps working offline; these parts only move data when the network allows. */
export function connectToHostedApi(options: ConnectionOptions) {
  const { db, dataDir, logger, clock, changes } = options;
  const now = (): Date => clock.now();
  let closed = false;
  const isClosed = (): boolean => closed;
  const backgroundFailed = (what: string, error: unknown): void => void (closed || logger.error(what, error));
  const session: HostedSession = new HostedSession({
    vault: options.vault,
    defaultServerUrl: options.defaultServerUrl,
    logger,
    onNewEvidenceKey: () => effects.evidenceKeyLost(),
    onRemoteWipe: () => effects.remoteWipe(),
    onChanged: () => effects.sessionChanged(),
    clock,
  });
  const atRest = new EvidenceAtRest({ db, dataDir, key: () => session.evidenceKey, logger, now, onRemoved: (id) => changes.submissionsChanged([id]) });
  const retention = new Retention({ db, now, logger, onRemoved: (ids) => changes.submissionsChanged(ids) });
  const downloads: EvidenceDownloads = new EvidenceDownloads({ db, dataDir, session, atRest, logger, clock, closed: isClosed, onFailure: backgroundFailed, retentionCutoff: () => retention.cutoff(), onProgress: () => status.publish(), onArrived: (id) => changes.submissionsChanged([id]) });
  const status = new SyncStatusReporter({ db, dataDir, now, signedIn: () => session.signedIn, link: () => loop.link(), downloads: () => downloads.progress(), retentionDays: () => retention.days(), onStatus: options.onStatus });
  const onImported = (ids: string[]): void => {
    changes.submissionsChanged(ids);
    downloads.pump();
    status.publish();
  };
  const work = new WorkImport({ db, session, atRest, logger, now, onImported, onLeasesChanged: (ids) => changes.submissionsChanged(ids) });
  const leadData = new LeadDataWorker(options.leadDataWorker, logger);
  const leadSync = new LeadSync({ db, session, leadData, clock, changes });
  const quality = new QualitySync({ db, session, work, clock, fetchers: [leadSync], keptUntilSynced: options.jobs.kindsWhere((job) => job.keepsPayloadUntilSynced === true), onFetched: () => changes.qualityData() });
  const loop: SyncLoop = new SyncLoop({ db, session, jobs: options.jobs, retention, downloads, work, quality, status, changes, logger, clock, closed: isClosed, intervalMs: options.syncIntervalMs });
  const lead = new LeadWork({ db, session, work, quality, logger, now, onQueued: () => loop.nudge(), onBatchRemoved: () => changes.batchList() });
  const referrals = new ReferralWork({ db, session, now, onQueued: () => loop.nudge() });
  const conflicts = new SyncConflicts({ db, logger, now, onResolved: (id, noteQueued) => {
    changes.submissionsChanged([id]);
    if (noteQueued) loop.nudge();
  } });
  const effects: SessionEffects = new SessionEffects({ db, session, atRest, downloads, loop, status, changes, databaseKey: options.databaseKey, logger, now, accountKinds: options.jobs.kindsWhere((job) => job.belongsToAccount === true) });

  /** Once the vault has been read: what is at rest brought to the current format, and syncing resumed. */
  const ready = session.ready.then(() => {
    if (closed) return;
    atRest.sealPlainWrittenResponses();
    atRest.rewriteOldFormatFiles(isClosed).catch((error: unknown) => backgroundFailed('could not rewrite old evidence files', error));
    if (!session.signedIn) return;
    loop.begin();
    downloads.pump();
  });

  return {
    /** Every method that needs the session waits for this (it never rejects). */
    ready: ready.catch((error: unknown) => backgroundFailed('could not start the connection', error)),
    ...{ session, atRest, retention, downloads, status, work, quality, leadSync, lead, referrals, conflicts, loop, effects },
    /** Nothing new starts; what runs stops where it is (downloads resume from their last chunk next time). */
    stop(): void {
      closed = true;
      loop.stop();
      downloads.abortAll();
      leadData.close();
    },
  };
}
