import { z } from 'zod';
import { LeaseCounts } from '../domain/lease';
import { Id } from '../domain/rubric';
import { QueueItem, SubmissionStatus } from '../domain/submission';
import { shortcutActions } from '../keyboard/keymap';
import { interfaceLocales } from '../domain/locales';
import { NoInput, Timestamp } from './common';

export const BatchSummary = z.object({
  id: Id,
  label: z.string().min(1).max(200),
  isDemo: z.boolean(),
  kind: z.enum(['live', 'calibration', 'master', 'review']),
  /** A master batch that becomes the gold pool when published (not a calibration set). */
  goldPool: z.boolean().default(false),
  claimedAt: Timestamp,
  leaseExpiresAt: Timestamp,
  dueAt: Timestamp,
  total: z.number().int().min(0),
  counts: z.record(SubmissionStatus, z.number().int().min(0)),
  /** Submissions whose lease needs the assessor's attention (decided and synced ones never do). */
  leases: LeaseCounts,
  /** The micro-credentials of its submissions, most submissions first. */
  credentials: z.array(z.string()).default([]),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const WorkspaceSummary = z.object({
  isDemo: z.boolean(),
  batches: z.array(BatchSummary),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

const Chord = z.string().min(1).max(40);
/** The assessor's own settings; every field optional so older saved values still load. */
export const Preferences = z.object({
  keymap: z.partialRecord(z.enum(shortcutActions), z.array(Chord).min(1).max(4)).optional(),
  /** Evidence pane width as a fraction of the workspace. */
  splitRatio: z.number().min(0.2).max(0.8).optional(),
  /** The submission open when the app last stopped: reopened on start. */
  openSubmissionId: Id.nullable().optional(),
  /** Days downloaded evidence stays after its decision synced (0: removed at once). */
  evidenceRetentionDays: z.number().int().min(0).max(90).optional(),
  /** The assessor paused downloads (kept across restarts). */
  downloadsPaused: z.boolean().optional(),
  /** Seconds a decision waits before it may leave for the server, so that it can still be undone. */
  undoWindowSeconds: z.number().int().min(0).max(60).optional(),
  /** The interface language chosen: kept by core, as a page's own storage is not (the preview's next start is another origin). */
  locale: z.enum(interfaceLocales).optional(),
});
export type Preferences = z.infer<typeof Preferences>;

/** The workspace: what the app is, its batches and queues, and the assessor's preferences. */
export const workspaceMethods = {
  'app.info': {
    input: NoInput,
    output: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  },
  'workspace.summary': { input: NoInput, output: WorkspaceSummary },
  'queue.list': {
    input: z.object({ batchId: Id }).strict(),
    output: z.object({ items: z.array(QueueItem) }),
  },
  'preferences.get': { input: NoInput, output: Preferences },
  /** Settings with effects of their own (retention, paused downloads) have methods of their own. */
  'preferences.set': { input: z.object({ patch: Preferences.omit({ evidenceRetentionDays: true, downloadsPaused: true }).strict() }).strict(), output: Preferences },
} as const;
