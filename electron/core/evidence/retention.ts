import { rmSync, statfsSync, statSync } from 'node:fs';
import type { Db } from '../db/database';

/** Default time evidence stays on this machine after its decision was acknowledged by the server. */
export const defaultRetentionDays = 7;

interface LocalFile {
  id: string;
  local_path: string;
}

/**
 * What counts as evidence from a candidate on this machine: downloaded files (`.enc`) and the
 * written responses of claimed work. The shipped demo is neither (its media are plain resources).
 */
const claimedText = `kind = 'text' AND text_content IS NOT NULL AND submission_id IN (SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE b.is_demo = 0)`;

function forgetFiles(db: Db, files: LocalFile[]): number {
  const reset = db.prepare(`UPDATE evidence_items SET availability = 'remote', local_path = NULL WHERE id = ?`);
  for (const file of files) {
    rmSync(file.local_path, { force: true });
    rmSync(`${file.local_path}.meta`, { force: true });
    reset.run(file.id);
  }
  return files.length;
}

/** Removes written responses (selected by `where` over evidence_items); they come again with the manifest when needed. */
function forgetText(db: Db, where: string, ...parameters: unknown[]): number {
  return db.prepare(`UPDATE evidence_items SET text_content = NULL, availability = 'remote' WHERE ${claimedText} AND ${where}`).run(...parameters).changes;
}

/** Submissions whose decision the server acknowledged before `cutoff`: their evidence is no longer needed here. */
const acknowledgedBefore = `SELECT entity_id FROM outbox WHERE kind = 'decision' AND state = 'acknowledged' AND acknowledged_at <= ?`;

/**
 * Deletes downloaded evidence and written responses of submissions whose decision the server
 * acknowledged more than `days` ago: evidence shows minors, so it stays no longer than the work needs it.
 */
export function purgeAcknowledged(db: Db, now: Date, days = defaultRetentionDays): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction(() => {
    const files = db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc' AND submission_id IN (${acknowledgedBefore})`).all(cutoff) as LocalFile[];
    return forgetFiles(db, files) + forgetText(db, `submission_id IN (${acknowledgedBefore})`, cutoff);
  })();
}

/**
 * Every downloaded file and written response goes (at sign-out, or when the evidence key was lost);
 * what is still needed comes again after signing in. Returns how many of each went.
 */
export function purgeAllDownloaded(db: Db): { files: number; writtenResponses: number } {
  return db.transaction(() => ({
    files: forgetFiles(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as LocalFile[]),
    writtenResponses: forgetText(db, '1'),
  }))();
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
  comments: number;
  submissions: number;
  /** Labels of the submissions whose unsent decision or unfinished scoring was removed. */
  unsentLabels: string[];
  evidenceFiles: number;
  writtenResponses: number;
}

const claimedSubmissions = `SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE b.is_demo = 0`;

/**
 * Removes everything claimed from the hosted API (evidence files, written responses, drafts,
 * comments, decisions, their outbox entries, the batches), keeping the shipped demo. Used only when
 * the hosted API orders this machine wiped. Returns what was safe and what went.
 */
export function wipeClaimedWork(db: Db): WipeReport {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return db.transaction(() => {
    const unsent = `SELECT entity_id FROM outbox WHERE kind = 'decision' AND state IN ('pending', 'conflict') AND entity_id IN (${claimedSubmissions})`;
    const unfinished = `SELECT sd.submission_id FROM scoring_drafts sd WHERE sd.submission_id IN (${claimedSubmissions}) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = sd.submission_id)`;
    const unsentLabels = (db.prepare(`SELECT label FROM submissions WHERE id IN (${unsent}) OR id IN (${unfinished}) ORDER BY label LIMIT 200`).all() as { label: string }[]).map((row) => row.label);
    const purged = purgeAllDownloaded(db);
    const report: WipeReport = {
      synced: count(`SELECT count(*) AS n FROM outbox WHERE kind = 'decision' AND state = 'acknowledged' AND entity_id IN (${claimedSubmissions})`),
      unsentDecisions: count(`SELECT count(*) AS n FROM (${unsent})`),
      drafts: count(`SELECT count(*) AS n FROM (${unfinished})`),
      comments: count(`SELECT count(*) AS n FROM comments WHERE submission_id IN (${claimedSubmissions})`),
      submissions: count(`SELECT count(*) AS n FROM (${claimedSubmissions})`),
      unsentLabels,
      evidenceFiles: purged.files,
      writtenResponses: purged.writtenResponses,
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
    forgetFiles(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc' AND submission_id IN (${inBatch})`).all(batchId) as LocalFile[]);
    db.prepare(`DELETE FROM outbox WHERE entity_id IN (${inBatch})`).run(batchId);
    db.prepare(`DELETE FROM submissions WHERE id IN (${inBatch})`).run(batchId);
    db.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
  })();
}
