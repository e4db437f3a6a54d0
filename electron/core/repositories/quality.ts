import type { Db } from '../db/database';
import type { DashboardRating } from '../../../shared/quality/dashboard';
import type { LeadRating } from '../../../shared/hosted-api/quality';

export type SnapshotKey = 'qualifications' | 'accuracy' | 'calibration_sets' | 'rules' | 'lead_meta' | 'adjudications' | `dashboard:${string}`;

export function saveSnapshot(db: Db, key: SnapshotKey, body: unknown, fetchedAt: string): void {
  db.prepare('INSERT INTO quality_snapshot VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at').run(key, JSON.stringify(body), fetchedAt);
}

export function loadSnapshot(db: Db, key: SnapshotKey): { body: unknown; fetchedAt: string } | null {
  const row = db.prepare('SELECT body, fetched_at FROM quality_snapshot WHERE key = ?').get(key) as { body: string; fetched_at: string } | undefined;
  return row ? { body: JSON.parse(row.body) as unknown, fetchedAt: row.fetched_at } : null;
}

/**
 * Replaces the lead's ratings with the server's current set, in one transaction, stored in time
 * order so reading them back in rowid order needs no sort.
 */
export function replaceLeadRatings(db: Db, ratings: LeadRating[]): void {
  const inTimeOrder = [...ratings].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  db.transaction(() => {
    db.prepare('DELETE FROM lead_ratings').run();
    db.prepare(`DELETE FROM quality_snapshot WHERE key LIKE 'dashboard:%'`).run(); // computed from the old ratings
    const insert = db.prepare('INSERT INTO lead_ratings VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const rating of inTimeOrder) insert.run(rating.assessorId, rating.credentialId, rating.submissionId, rating.criterionId, rating.level, rating.masterLevel, rating.source, rating.at);
  })();
}

/** The ratings of one micro-credential in time order (read in one go: far quicker than row by row). */
export function* leadRatingsOf(db: Db, credentialId: string): Generator<DashboardRating> {
  const rows = db
    .prepare('SELECT assessor_id, submission_id, criterion_id, level, master_level, at FROM lead_ratings WHERE credential_id = ? ORDER BY rowid')
    .raw()
    .all(credentialId) as [string, string, string, number, number | null, string][];
  for (const [assessorId, submissionId, criterionId, level, masterLevel, at] of rows) yield { assessorId, submissionId, criterionId, level, masterLevel, at };
}

export function saveCalibrationResult(db: Db, submissionId: string, body: unknown, at: string): void {
  db.prepare('INSERT INTO calibration_results VALUES (?, ?, ?) ON CONFLICT (submission_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at').run(submissionId, JSON.stringify(body), at);
}

export function loadCalibrationResult(db: Db, submissionId: string): unknown {
  const row = db.prepare('SELECT body FROM calibration_results WHERE submission_id = ?').get(submissionId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as unknown) : null;
}

/** Sign-out and revocation: what the account synced about scoring quality goes with it. */
export function clearQualityData(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM lead_ratings').run();
    db.prepare('DELETE FROM quality_snapshot').run();
  })();
}
