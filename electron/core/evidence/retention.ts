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
