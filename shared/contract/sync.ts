import { z } from 'zod';
import { Id } from '../domain/rubric';
import { Count, NoInput, Timestamp } from './common';

/** Something sync must tell the assessor; shown until dismissed. Never carries evidence or identity. */
export const SyncNotice = z.discriminatedUnion('kind', [
  z.object({
    id: z.number().int(),
    at: Timestamp,
    kind: z.literal('evidence_quarantined'),
    title: z.string().max(200),
    submissionLabel: z.string().max(80),
    reason: z.enum(['sha256_mismatch', 'size_mismatch', 'refused']),
    attempts: Count,
  }),
  z.object({ id: z.number().int(), at: Timestamp, kind: z.literal('submission_quarantined'), submissionId: Id, problem: z.string().max(500) }),
  /** A downloaded file failed its integrity check when opened (cut, altered or swapped on disk): it is fetched again. */
  z.object({ id: z.number().int(), at: Timestamp, kind: z.literal('evidence_unreadable'), title: z.string().max(200), submissionLabel: z.string().max(80) }),
  /**
   * The server refused for good something other than a decision (a run of audit-trail changes too large
   * for it, a referral over the open limit, a reply to a closed thread): it was not sent and will not be.
   */
  z.object({
    id: z.number().int(),
    at: Timestamp,
    kind: z.literal('refused_by_server'),
    what: z.enum(['audit', 'referral', 'referral_message', 'adjudication_resolution', 'backread_review', 'lockout_lift', 'other']),
    /** For the audit trail, how many changes; else 1. */
    count: Count,
    submissionLabel: z.string().max(80).nullable(),
    reason: z.string().max(100),
  }),
  z.object({
    id: z.number().int(),
    at: Timestamp,
    /** The hosted API ordered this machine wiped (it was reported lost): what was safe and what went. */
    kind: z.literal('remote_wipe'),
    /** Decisions the server had already acknowledged: safe. */
    synced: Count,
    /** Decisions that had not reached the server, and submissions with unfinished scoring: removed. */
    unsentDecisions: Count,
    drafts: Count,
    comments: Count,
    /** Claimed submissions removed, and the labels of those whose unsent work went with them. */
    submissions: Count,
    unsentLabels: z.array(z.string().max(80)).max(200),
    evidenceFiles: Count,
    writtenResponses: Count,
    /** Audit-trail records, referrals and messages, and a lead's reviews that had not reached the server: removed. */
    unsentOther: Count.default(0),
  }),
]);
export type SyncNotice = z.infer<typeof SyncNotice>;

/** One file on its way to this machine. */
export const DownloadItem = z.object({ evidenceId: Id, title: z.string().max(200), submissionLabel: z.string().max(80), doneBytes: Count, totalBytes: Count });
export type DownloadItem = z.infer<typeof DownloadItem>;

export const SyncStatus = z.object({
  /** Grows with every status the core reports: an answer that arrives after a newer event is older. */
  revision: Count,
  state: z.enum(['signed_out', 'online', 'offline', 'syncing']),
  waiting: Count,
  conflicts: Count,
  lastSyncedAt: Timestamp.nullable(),
  downloads: z.object({
    /** Files still to fetch (in progress and queued), and bytes of those files. */
    files: Count,
    doneBytes: Count,
    totalBytes: Count,
    /** Over the last few seconds; 0 when nothing moves. */
    bytesPerSecond: Count,
    secondsLeft: Count.nullable(),
    paused: z.boolean(),
    blockedByDiskSpace: z.boolean(),
    active: z.array(DownloadItem).max(20),
  }),
  notices: z.array(SyncNotice).max(50),
  /** Space downloaded evidence takes, and the disk's free space. */
  storage: z.object({ evidenceBytes: z.number().int().min(0), freeBytes: z.number().int().min(0), retentionDays: z.number().int().min(0).max(90) }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Sync as the header shows it: status, "Sync now" and notices. */
export const syncMethods = {
  'sync.status': { input: NoInput, output: SyncStatus },
  'sync.now': { input: NoInput, output: SyncStatus },
  'sync.dismissNotice': { input: z.object({ id: z.number().int().min(1) }).strict(), output: SyncStatus },
} as const;
