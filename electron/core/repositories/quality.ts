import type { z } from 'zod';
import type { Db } from '../db/database';
import { decisionKind } from './outbox-kinds';

export type SnapshotKey = 'qualifications' | 'accuracy' | 'calibration_sets' | 'backread_feedback' | 'referrals' | 'lead_meta' | 'adjudications' | 'backreads' | 'lead_referrals' | `dashboard:${string}`;

export function saveSnapshot(db: Db, key: SnapshotKey, body: unknown, fetchedAt: string): void {
  db.prepare('INSERT INTO quality_snapshot VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at').run(key, JSON.stringify(body), fetchedAt);
}

export function loadSnapshot(db: Db, key: SnapshotKey): { body: unknown; fetchedAt: string } | null {
  const row = db.prepare('SELECT body, fetched_at FROM quality_snapshot WHERE key = ?').get(key) as { body: string; fetched_at: string } | undefined;
  return row ? { body: JSON.parse(row.body) as unknown, fetchedAt: row.fetched_at } : null;
}

/** A snapshot as the schema reads it; one this version cannot read counts as never fetched. */
export function loadSnapshotAs<T>(db: Db, key: SnapshotKey, schema: z.ZodType<T>): { body: T; fetchedAt: string } | null {
  const stored = loadSnapshot(db, key);
  if (!stored) return null;
  const parsed = schema.safeParse(stored.body);
  return parsed.success ? { body: parsed.data, fetchedAt: stored.fetchedAt } : null;
}

export function saveCalibrationResult(db: Db, submissionId: string, body: unknown, at: string): void {
  db.prepare('INSERT INTO calibration_results VALUES (?, ?, ?) ON CONFLICT (submission_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at').run(submissionId, JSON.stringify(body), at);
}

export function loadCalibrationResult(db: Db, submissionId: string): unknown {
  const row = db.prepare('SELECT body FROM calibration_results WHERE submission_id = ?').get(submissionId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as unknown) : null;
}

/** The lead's data as computed from one fetch: its meta and every dashboard replace the previous ones together. */
export function replaceLeadSnapshots(db: Db, meta: unknown, dashboards: { credentialId: string; body: unknown }[], fetchedAt: string): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM quality_snapshot WHERE key LIKE 'dashboard:%'`).run();
    saveSnapshot(db, 'lead_meta', meta, fetchedAt);
    for (const dashboard of dashboards) saveSnapshot(db, `dashboard:${dashboard.credentialId}`, dashboard.body, fetchedAt);
  })();
}

/**
 * An account that is no longer a lead keeps nothing a lead was shown: queues, everyone's referral
 * threads, dashboards. Whether there was any.
 */
export function clearLeadData(db: Db): boolean {
  return db.prepare(`DELETE FROM quality_snapshot WHERE key IN ('lead_meta', 'adjudications', 'backreads', 'lead_referrals') OR key LIKE 'dashboard:%'`).run().changes > 0;
}

/** Sign-out and revocation: what the account synced about scoring quality goes with it. */
export function clearQualityData(db: Db): void {
  db.prepare('DELETE FROM quality_snapshot').run();
}

/**
 * A calibration item answered in an attempt a lead has since reset: its decision here (sent and
 * acknowledged), the feedback with the master's levels, the draft and the comments go, so the retake
 * starts blank. An answer still waiting to leave stays (it belongs to the new attempt). True if reopened.
 */
export function reopenForRetake(db: Db, submissionId: string): boolean {
  return db.transaction(() => {
    if (db.prepare(`SELECT 1 FROM outbox WHERE kind = '${decisionKind}' AND entity_id = ? AND state = 'pending'`).get(submissionId)) return false;
    const reopened = db.prepare('DELETE FROM decisions WHERE submission_id = ?').run(submissionId).changes > 0;
    db.prepare(`DELETE FROM outbox WHERE kind = '${decisionKind}' AND entity_id = ?`).run(submissionId);
    db.prepare('DELETE FROM calibration_results WHERE submission_id = ?').run(submissionId);
    db.prepare('DELETE FROM scoring_drafts WHERE submission_id = ?').run(submissionId);
    db.prepare('DELETE FROM comments WHERE submission_id = ?').run(submissionId);
    return reopened;
  })();
}
