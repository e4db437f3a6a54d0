import type { SyncStatus } from '../../../shared/contract/methods';
import type { Db } from '../db/database';
import { storageUsage } from '../evidence/storage';
import { countByState } from '../repositories/outbox';
import { dismissNotice, listNotices } from '../repositories/notices';
import type { LinkState } from '../hosted/sync-loop';


export interface StatusOptions {
  db: Db;
  dataDir: string;
  now: () => Date;
  signedIn: () => boolean;
  link: () => LinkState;
  downloads: () => SyncStatus['downloads'];
  retentionDays: () => number;
  onStatus: (status: SyncStatus) => void;
}

/**
 * The sync status as the assessor sees it (online or not, what waits, downloads, storage, notices),
 * put together from the parts that own each figure. Every status carries a revision that only
 * grows, so the renderer can drop an answer that arrives after a newer event.
 */
export class SyncStatusReporter {
  private revision: number;

  constructor(private readonly options: StatusOptions) {
    // Starts at the clock so it keeps growing across restarts of core.
    this.revision = options.now().getTime();
  }

  current(): SyncStatus {
    const { db } = this.options;
    const counts = countByState(db);
    const link = this.options.link();
    this.revision += 1;
    return {
      revision: this.revision,
      state: this.options.signedIn() ? link.state : 'signed_out',
      storage: { ...storageUsage(db, this.options.dataDir), retentionDays: this.options.retentionDays() },
      // Waiting is waiting, signed in or not: a session that ended keeps every unsent decision here.
      waiting: counts.pending,
      conflicts: counts.conflict,
      lastSyncedAt: link.lastSyncedAt,
      downloads: this.options.downloads(),
      notices: listNotices(db),
    };
  }

  /** The current status, told to every renderer too. */
  publish(): SyncStatus {
    const status = this.current();
    this.options.onStatus(status);
    return status;
  }

  dismissNotice(id: number): SyncStatus {
    dismissNotice(this.options.db, id, this.options.now().toISOString());
    return this.publish();
  }
}
