import type { Db } from '../db/database';
import type { BatchSummary } from '../../../shared/contract/methods';
import type { DecisionOutcome, QueueItem, SubmissionStatus } from '../../../shared/domain/submission';
import { leaseStateOf, leaseWarningMs } from '../../../shared/domain/lease';
import type { LeaseCounts } from '../../../shared/domain/lease';
import type { SetPurpose } from '../../../shared/hosted-api/quality';
import { statusJoins, statusSql } from './status';

/** What a master batch becomes when published: a calibration set, or the gold pool. */
export interface MasterSet {
  credentialId: string;
  title: string;
  purpose: SetPurpose;
}

export interface BatchRecord {
  id: string;
  label: string;
  isDemo: boolean;
  claimedAt: string;
  leaseExpiresAt: string;
  dueAt: string;
  /** Calibration work is scored like live work; its decisions go to the set as responses. */
  kind?: BatchKind;
  calibrationSetId?: string | null;
  /** A master batch: the set the lead is building. */
  masterSet?: MasterSet | null;
}

export type BatchKind = 'live' | 'calibration' | 'master' | 'review';

export interface AssignmentRecord {
  submissionId: string;
  batchId: string;
  position: number;
  leaseExpiresAt: string;
  dueAt: string;
}

interface BatchRow {
  id: string;
  label: string;
  is_demo: number;
  claimed_at: string;
  lease_expires_at: string;
  due_at: string;
  kind: BatchKind;
  master_set: string | null;
}

interface QueueRow {
  submission_id: string;
  position: number;
  label: string;
  credential_title: string;
  attempt: number;
  due_at: string;
  status: SubmissionStatus;
  outcome: DecisionOutcome | null;
  available_offline: number;
  lease_expires_at: string;
  reassigned: number;
}

const emptyCounts = (): Record<SubmissionStatus, number> => ({
  not_started: 0,
  in_progress: 0,
  scored: 0,
  queued: 0,
  synced: 0,
  conflict: 0,
  handed_back: 0,
  kept_here: 0,
});

export function saveBatch(db: Db, batch: BatchRecord): void {
  db.prepare(
    `INSERT INTO batches (id, label, is_demo, claimed_at, lease_expires_at, due_at, kind, calibration_set_id, master_set) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, lease_expires_at = excluded.lease_expires_at, due_at = excluded.due_at`,
  ).run(batch.id, batch.label, batch.isDemo ? 1 : 0, batch.claimedAt, batch.leaseExpiresAt, batch.dueAt, batch.kind ?? 'live', batch.calibrationSetId ?? null, batch.masterSet ? JSON.stringify(batch.masterSet) : null);
}

export function getBatch(db: Db, id: string): BatchRecord | null {
  const row = db.prepare('SELECT id, label, is_demo, claimed_at, lease_expires_at, due_at, kind, calibration_set_id FROM batches WHERE id = ?').get(id) as
    | { id: string; label: string; is_demo: number; claimed_at: string; lease_expires_at: string; due_at: string; kind: BatchKind; calibration_set_id: string | null }
    | undefined;
  return row
    ? { id: row.id, label: row.label, isDemo: row.is_demo === 1, claimedAt: row.claimed_at, leaseExpiresAt: row.lease_expires_at, dueAt: row.due_at, kind: row.kind, calibrationSetId: row.calibration_set_id, masterSet: masterSetOf(db, row.id) }
    : null;
}

/** What kind of work a submission is: live, calibration (responses go to a set), or a lead's master scoring. */
export function batchKindOf(db: Db, submissionId: string): BatchKind {
  const row = db.prepare('SELECT b.kind FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = ?').get(submissionId) as { kind: BatchKind } | undefined;
  return row?.kind ?? 'live';
}

/** Whether the submission is one of the shipped demo's (never sent anywhere). */
export function isDemoSubmission(db: Db, submissionId: string): boolean {
  return !!db.prepare('SELECT 1 FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = ? AND b.is_demo = 1').get(submissionId);
}

/** The set a master batch builds, or null. */
export function masterSetOf(db: Db, batchId: string): MasterSet | null {
  const row = db.prepare(`SELECT master_set FROM batches WHERE id = ? AND kind = 'master'`).get(batchId) as { master_set: string | null } | undefined;
  // Batches prepared before gold pools existed were calibration sets.
  return row?.master_set ? { purpose: 'calibration', ...(JSON.parse(row.master_set) as Omit<MasterSet, 'purpose'> & Partial<MasterSet>) } : null;
}

/** The calibration set a submission is being scored for, or null for live work. */
export function calibrationSetOf(db: Db, submissionId: string): string | null {
  const row = db
    .prepare(`SELECT b.calibration_set_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = ? AND b.kind = 'calibration'`)
    .get(submissionId) as { calibration_set_id: string | null } | undefined;
  return row?.calibration_set_id ?? null;
}

export function saveAssignment(db: Db, assignment: AssignmentRecord): void {
  db.prepare(
    `INSERT INTO assignments (submission_id, batch_id, position, lease_expires_at, due_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (submission_id) DO UPDATE SET batch_id = excluded.batch_id, position = excluded.position,
       lease_expires_at = excluded.lease_expires_at, due_at = excluded.due_at`,
  ).run(assignment.submissionId, assignment.batchId, assignment.position, assignment.leaseExpiresAt, assignment.dueAt);
}

export function countBatches(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;
}

/** The batch's submissions in queue order, each with its lease as it stands at `now`. */
export function listQueue(db: Db, batchId: string, now: Date): QueueItem[] {
  const rows = db
    .prepare(
      `SELECT a.submission_id, a.position, s.label, c.title AS credential_title, s.attempt, a.due_at, a.lease_expires_at, a.reassigned, ${statusSql} AS status, d.outcome,
              NOT EXISTS (SELECT 1 FROM evidence_items e WHERE e.submission_id = s.id AND e.availability != 'available') AS available_offline
       FROM assignments a
       JOIN submissions s ON s.id = a.submission_id
       JOIN micro_credentials c ON c.id = s.credential_id
       ${statusJoins}
       WHERE a.batch_id = ?
       ORDER BY a.position`,
    )
    .all(batchId) as QueueRow[];
  return rows.map((row) => ({
    submissionId: row.submission_id,
    position: row.position,
    label: row.label,
    credentialTitle: row.credential_title,
    attempt: row.attempt,
    status: row.status,
    outcome: row.outcome,
    dueAt: row.due_at,
    availableOffline: row.available_offline === 1,
    leaseExpiresAt: row.lease_expires_at,
    lease: leaseStateOf({ expiresAt: row.lease_expires_at, reassigned: row.reassigned === 1, decisionSynced: row.status === 'synced' }, now),
  }));
}

export function listBatches(db: Db, now: Date): BatchSummary[] {
  const batches = db.prepare('SELECT * FROM batches ORDER BY claimed_at, id').all() as BatchRow[];
  // Leases that are not simply held: few, so read one by one.
  const soon = new Date(now.getTime() + leaseWarningMs).toISOString();
  const leaseRows = db
    .prepare(
      `SELECT a.batch_id, a.lease_expires_at, a.reassigned, ${statusSql} AS status
       FROM assignments a JOIN submissions s ON s.id = a.submission_id ${statusJoins}
       WHERE a.reassigned = 1 OR a.lease_expires_at < ?`,
    )
    .all(soon) as { batch_id: string; lease_expires_at: string; reassigned: number; status: SubmissionStatus }[];
  const countRows = db
    .prepare(
      `SELECT a.batch_id, ${statusSql} AS status, count(*) AS n
       FROM assignments a JOIN submissions s ON s.id = a.submission_id ${statusJoins}
       GROUP BY a.batch_id, status`,
    )
    .all() as { batch_id: string; status: SubmissionStatus; n: number }[];
  // What each batch holds, most submissions first: a claim is named by it on screen.
  const credentialRows = db
    .prepare(
      `SELECT a.batch_id, c.title, count(*) AS n FROM assignments a JOIN submissions s ON s.id = a.submission_id JOIN micro_credentials c ON c.id = s.credential_id
       GROUP BY a.batch_id, c.id ORDER BY n DESC, c.title`,
    )
    .all() as { batch_id: string; title: string; n: number }[];
  return batches.map((batch) => {
    const counts = emptyCounts();
    let total = 0;
    for (const row of countRows) {
      if (row.batch_id !== batch.id) continue;
      counts[row.status] += row.n;
      total += row.n;
    }
    const leases: LeaseCounts = { dueSoon: 0, expired: 0, reassigned: 0 };
    for (const row of leaseRows) {
      if (row.batch_id !== batch.id) continue;
      const state = leaseStateOf({ expiresAt: row.lease_expires_at, reassigned: row.reassigned === 1, decisionSynced: row.status === 'synced' }, now);
      if (state === 'due_soon') leases.dueSoon += 1;
      else if (state !== 'held') leases[state] += 1;
    }
    return {
      id: batch.id,
      label: batch.label,
      isDemo: batch.is_demo === 1,
      kind: batch.kind,
      goldPool: batch.kind === 'master' && batch.master_set !== null && (JSON.parse(batch.master_set) as Partial<MasterSet>).purpose === 'gold',
      claimedAt: batch.claimed_at,
      leaseExpiresAt: batch.lease_expires_at,
      dueAt: batch.due_at,
      total,
      counts,
      leases,
      credentials: credentialRows.filter((row) => row.batch_id === batch.id).map((row) => row.title),
    };
  });
}

/** The next undecided submission after `afterPosition` in the batch (wrapping), or null when all are decided. */
export function nextUndecided(db: Db, batchId: string, afterPosition: number): string | null {
  const row = db
    .prepare(
      `SELECT a.submission_id FROM assignments a LEFT JOIN decisions d ON d.submission_id = a.submission_id
       WHERE a.batch_id = ? AND d.submission_id IS NULL
       ORDER BY (a.position <= ?), a.position LIMIT 1`,
    )
    .get(batchId, afterPosition) as { submission_id: string } | undefined;
  return row?.submission_id ?? null;
}

export function batchExists(db: Db, batchId: string): boolean {
  return db.prepare('SELECT 1 FROM batches WHERE id = ?').get(batchId) !== undefined;
}

/** The demo batch's submissions in queue order (templates for a generated load-test batch). */
export function listDemoSubmissions(db: Db): { id: string; credentialId: string; rubricVersionId: string }[] {
  return db
    .prepare(
      `SELECT s.id, s.credential_id AS credentialId, s.rubric_version_id AS rubricVersionId FROM submissions s
       JOIN assignments a ON a.submission_id = s.id JOIN batches b ON b.id = a.batch_id
       WHERE b.is_demo = 1 ORDER BY a.position`,
    )
    .all() as { id: string; credentialId: string; rubricVersionId: string }[];
}

/**
 * Compares the live batches' leases with the server's list of this assessor's assignments: a
 * submission the server lists as assigned takes its (perhaps renewed) lease and is held again; one
 * it lists as released, or no longer lists, is marked reassigned. Returns the submissions whose
 * lease changed here.
 */
export function reconcileLeases(db: Db, server: readonly { submissionId: string; leaseExpiresAt: string; state: 'assigned' | 'decided' | 'released' | 'expired' }[]): string[] {
  const byId = new Map(server.map((lease) => [lease.submissionId, lease]));
  const local = db
    .prepare(
      `SELECT a.submission_id, a.lease_expires_at, a.reassigned FROM assignments a JOIN batches b ON b.id = a.batch_id
       WHERE b.kind = 'live' AND b.is_demo = 0`,
    )
    .all() as { submission_id: string; lease_expires_at: string; reassigned: number }[];
  const update = db.prepare('UPDATE assignments SET lease_expires_at = ?, reassigned = ? WHERE submission_id = ?');
  const changed: string[] = [];
  db.transaction(() => {
    for (const row of local) {
      const lease = byId.get(row.submission_id);
      // Decided on the server: its decision counts, whatever the lease does now.
      if (lease?.state === 'decided') continue;
      const reassigned = !lease || lease.state === 'released' ? 1 : 0;
      const expiresAt = lease && lease.state !== 'released' ? lease.leaseExpiresAt : row.lease_expires_at;
      if (reassigned === row.reassigned && expiresAt === row.lease_expires_at) continue;
      update.run(expiresAt, reassigned, row.submission_id);
      changed.push(row.submission_id);
    }
  })();
  return changed;
}
