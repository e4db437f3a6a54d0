import type { SyncConflict } from '../../../shared/contract/methods';
import { defineMutation } from '../data/contract-mutation';
import { queryKeyOf } from '../data/contract-reads';
import { keepSyncStatus, sessionKey } from '../data/sync-status';
import { readBatchesAgain } from '../workspace/mutations';

// The account's writes. Most answer with the sync status or the session as they now stand: kept
// for every view at once (a newer status from an event is never replaced by an older answer).

export const signIn = defineMutation('session.signIn', { onAnswer: (queries, session) => queries.setQueryData(sessionKey, session) });
export const signOut = defineMutation('session.signOut', { onAnswer: (queries, session) => queries.setQueryData(sessionKey, session) });

export const syncNow = defineMutation('sync.now', { onAnswer: keepSyncStatus });
export const pauseDownloads = defineMutation('downloads.pause', { onAnswer: keepSyncStatus });
export const resumeDownloads = defineMutation('downloads.resume', { onAnswer: keepSyncStatus });
export const dismissNotice = defineMutation('sync.dismissNotice', { onAnswer: keepSyncStatus });
export const setRetention = defineMutation('storage.setRetention', { onAnswer: keepSyncStatus });

/** The refused decision leaves the list at once (the status's new count reads it again too). */
export const resolveConflict = defineMutation('sync.resolveConflict', {
  onAnswer: (queries, status, { submissionId }) => {
    queries.setQueryData<{ conflicts: SyncConflict[] }>(queryKeyOf('sync.conflicts', {}), (current) => current && { conflicts: current.conflicts.filter((item) => item.submissionId !== submissionId) });
    keepSyncStatus(queries, status);
  },
});

/** Claimed work is in the batch list before the caller hears of it. */
export const claimBatch = defineMutation('batch.claim', { onAnswer: readBatchesAgain });
