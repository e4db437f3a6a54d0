import { rmSync, statfsSync, statSync } from 'node:fs';
import type { Db } from '../db/database';

/** Default time evidence stays on this machine after its decision was acknowledged by the server. */
export const defaultRetentionDays = 7;

interface LocalFile {
  id: string;
  local_path: string;
}

function forget(db: Db, files: LocalFile[]): number {
  const reset = db.prepare(`UPDATE evidence_items SET availability = 'remote', local_path = NULL WHERE id = ?`);
  for (const file of files) {
    rmSync(file.local_path, { force: true });
    rmSync(`${file.local_path}.meta`, { force: true });
    reset.run(file.id);
  }
  return files.length;
}

/**
 * Deletes downloaded evidence of submissions whose decision the server acknowledged more than
 * `days` ago: evidence shows minors, so it stays no longer than the work needs it.
 */
export function purgeAcknowledged(db: Db, now: Date, days = defaultRetentionDays): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const files = db
    .prepare(
      `SELECT e.id, e.local_path FROM evidence_items e
       JOIN outbox o ON o.kind = 'decision' AND o.entity_id = e.submission_id
       WHERE o.state = 'acknowledged' AND o.acknowledged_at <= ? AND e.local_path LIKE '%.enc'`,
    )
    .all(cutoff) as LocalFile[];
  return forget(db, files);
}

/** On sign-out every downloaded file goes at once (the shipped demo media are not downloads). */
export function purgeAllDownloaded(db: Db): number {
  return forget(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as LocalFile[]);
}

/** Space the downloaded evidence takes, and what is left on its disk. */
export function storageUsage(db: Db, folder: string): { evidenceBytes: number; freeBytes: number } {
  let evidenceBytes = 0;
  for (const row of db.prepare(`SELECT local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as { local_path: string }[]) {
    try {
      evidenceBytes += statSync(row.local_path).size;
    } catch {
      // already gone
    }
  }
  const disk = statfsSync(folder);
  return { evidenceBytes, freeBytes: disk.bavail * disk.bsize };
}

export interface WipeReport {
  synced: number;
  unsentDecisions: number;
  drafts: number;
  evidenceFiles: number;
}

const claimedSubmissions = `SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE b.is_demo = 0`;

/**
 * Removes everything claimed from the hosted API (evidence files, drafts, comments, decisions,
 * their outbox entries, the batches), keeping the shipped demo. Used when the server revoked the
 * session: the account may be disabled or the machine lost. Returns what was safe and what went.
 */
export function wipeClaimedWork(db: Db): WipeReport {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return db.transaction(() => {
    const report: WipeReport = {
      synced: count(`SELECT count(*) AS n FROM outbox WHERE kind = 'decision' AND state = 'acknowledged' AND entity_id IN (${claimedSubmissions})`),
      unsentDecisions: count(`SELECT count(*) AS n FROM outbox WHERE kind = 'decision' AND state IN ('pending', 'conflict') AND entity_id IN (${claimedSubmissions})`),
      drafts: count(`SELECT count(*) AS n FROM scoring_drafts sd WHERE sd.submission_id IN (${claimedSubmissions}) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = sd.submission_id)`),
      evidenceFiles: purgeAllDownloaded(db),
    };
    db.prepare(`DELETE FROM outbox WHERE entity_id IN (${claimedSubmissions})`).run();
    db.prepare(`DELETE FROM submissions WHERE id IN (${claimedSubmissions})`).run();
    db.prepare(`DELETE FROM batches WHERE is_demo = 0`).run();
    return report;
  })();
}

/**
 * Removes one batch and everything of its submissions here (a lead's master scoring once the set
 * is published: the evidence is no longer needed on this machine).
 */
export function removeBatch(db: Db, batchId: string): void {
  const inBatch = `SELECT submission_id FROM assignments WHERE batch_id = ?`;
  db.transaction(() => {
    forget(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc' AND submission_id IN (${inBatch})`).all(batchId) as LocalFile[]);
    db.prepare(`DELETE FROM outbox WHERE entity_id IN (${inBatch})`).run(batchId);
    db.prepare(`DELETE FROM submissions WHERE id IN (${inBatch})`).run(batchId);
    db.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
  })();
}
