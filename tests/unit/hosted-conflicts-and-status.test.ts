import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/methods';
import type { Db } from '../../electron/core/db/database';
import { SyncConflicts } from '../../electron/core/scoring/conflicts';
import { SyncStatusReporter } from '../../electron/core/status/sync-status';
import type { LinkState } from '../../electron/core/hosted/sync-loop';
import { silentLogger } from '../support/silent-logger';
import { addNotice } from '../../electron/core/repositories/notices';
import { listDue, markConflict } from '../../electron/core/repositories/outbox';
import { claimedSubmission, emptyDatabase } from '../support/fake-hosted';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
});
afterEach(() => store.dispose());

/** The decision on `submissionId` refused by the server for `reason`. */
function refused(submissionId: string, reason: string): void {
  claimedSubmission(db, submissionId, new Date(0));
  markConflict(db, listDue(db, new Date().toISOString(), 10).find((entry) => entry.entityId === submissionId)!.id, reason);
}

describe('refused decisions', () => {
  it('lists each with the server’s reason and what the assessor may do', () => {
    refused('s1', 'lease_expired');
    refused('s2', 'rejected_as_invalid');
    const conflicts = new SyncConflicts({ db, logger: silentLogger, now: () => new Date(), onResolved: () => undefined });
    expect(conflicts.list().map((item) => [item.submissionId, item.reason, item.choices])).toEqual([
      ['s1', 'lease_expired', ['note_for_lead', 'discarded']],
      ['s2', 'rejected_as_invalid', ['discarded']],
    ]);
  });

  it('queues a note for the lead only when the assessor keeps the scores, and refuses what cannot go', () => {
    refused('s1', 'already_decided');
    refused('s2', 'rejected_as_invalid');
    const resolved: [string, boolean][] = [];
    const conflicts = new SyncConflicts({ db, logger: silentLogger, now: () => new Date(), onResolved: (id, noteQueued) => resolved.push([id, noteQueued]) });
    expect(() => conflicts.resolve('s2', 'note_for_lead')).toThrow(/only be discarded/);
    conflicts.resolve('s1', 'note_for_lead');
    conflicts.resolve('s2', 'discarded');
    expect(resolved).toEqual([['s1', true], ['s2', false]]);
    expect(listDue(db, new Date().toISOString(), 10).map((entry) => [entry.kind, entry.entityId])).toEqual([['lead_note', 's1']]);
    expect(conflicts.list()).toEqual([]);
    expect(() => conflicts.resolve('s1', 'discarded')).toThrow(/no conflict/);
  });
});

describe('the sync status', () => {
  it('counts what waits (signed in or not), grows its revision, and tells every renderer when published', () => {
    const told: SyncStatus[] = [];
    let signedIn = true;
    const link: LinkState = { state: 'offline', lastSyncedAt: null };
    const downloads: SyncStatus['downloads'] = { files: 0, doneBytes: 0, totalBytes: 0, bytesPerSecond: 0, secondsLeft: null, paused: false, blockedByDiskSpace: false, active: [] };
    const status = new SyncStatusReporter({ db, dataDir: store.dir, now: () => new Date(), signedIn: () => signedIn, link: () => link, downloads: () => downloads, retentionDays: () => 7, onStatus: (value) => told.push(value) });
    claimedSubmission(db, 's1', new Date());
    const first = status.current();
    expect(first).toMatchObject({ state: 'offline', waiting: 1, conflicts: 0, storage: { retentionDays: 7 } });
    signedIn = false;
    const second = status.publish();
    expect(second).toMatchObject({ state: 'signed_out', waiting: 1 });
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(told).toEqual([second]);
    addNotice(db, 'submission_quarantined', { submissionId: 's9', problem: 'unreadable' }, new Date().toISOString());
    const noticeId = status.current().notices[0]!.id;
    expect(status.dismissNotice(noticeId).notices).toEqual([]);
  });
});
