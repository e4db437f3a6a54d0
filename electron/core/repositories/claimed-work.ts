import type { Db } from '../db/database';
import { scheduleFileDeletion } from './files-to-delete';
import { decisionKind, auditKind } from './outbox-kinds';

// Removing what came from the hosted API: by retention, at sign-out, by a remote wipe, or one batch
// once its job is done. Files are not deleted here: their paths go to files_to_delete in the same
// transaction and are swept after it commits (see evidence/file-sweeper).

interface LocalFile {
  id: string;
  local_path: string;
}

/**
 * What counts as evidence from a candidate on this machine: downloaded files (`.enc`) and the
 * written responses of claimed work. The shipped demo is neither (its media are plain resources).
 */
const claimedText = `kind = 'text' AND text_content IS NOT NULL AND submission_id IN (SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE b.is_demo = 0)`;
const claimedSubmissions = `SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE b.is_demo = 0`;
/**
 * Claimed submissions still this account's, not decided, that hold the assessor's work: a level, a
 * rationale, feedback or a comment. The server keeps no drafts: this work exists only here.
 */
const unfinishedWork = `SELECT a.submission_id FROM assignments a JOIN batches b ON b.id = a.batch_id
  WHERE b.is_demo = 0 AND a.reassigned = 0 AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = a.submission_id) AND (
    EXISTS (SELECT 1 FROM draft_scores ds WHERE ds.submission_id = a.submission_id AND (ds.level IS NOT NULL OR ds.rationale != ''))
    OR EXISTS (SELECT 1 FROM component_feedback cf WHERE cf.submission_id = a.submission_id AND cf.body != '')
    OR EXISTS (SELECT 1 FROM scoring_drafts sd WHERE sd.submission_id = a.submission_id AND sd.overall_feedback != '')
    OR EXISTS (SELECT 1 FROM comments c WHERE c.submission_id = a.submission_id))`;

/** How many claimed submissions hold scoring not yet decided (see unfinishedWork). */
export function countUnfinishedWork(db: Db): number {
  return (db.prepare(`SELECT count(DISTINCT submission_id) AS n FROM (${unfinishedWork})`).get() as { n: number }).n;
}

/** Submissions whose decision the server acknowledged before the cutoff: their evidence is no longer needed here. */
const acknowledgedBefore = `SELECT entity_id FROM outbox WHERE kind = '${decisionKind}' AND state = 'acknowledged' AND acknowledged_at <= ?`;

/** The files go (after commit, with their sidecars); their items become remote again. */
function forgetFiles(db: Db, files: LocalFile[]): number {
  const reset = db.prepare(`UPDATE evidence_items SET availability = 'remote', local_path = NULL WHERE id = ?`);
  for (const file of files) reset.run(file.id);
  scheduleFileDeletion(db, files.flatMap((file) => [file.local_path, `${file.local_path}.meta`]));
  return files.length;
}

/** Removes written responses (selected by `where` over evidence_items); they come again with the manifest when needed. */
function forgetText(db: Db, where: string, ...parameters: unknown[]): number {
  return db.prepare(`UPDATE evidence_items SET text_content = NULL, availability = 'remote' WHERE ${claimedText} AND ${where}`).run(...parameters).changes;
}

/**
 * Evidence (files and written responses) of submissions whose decision the server acknowledged
 * before `cutoff`; returns the submissions that lost some.
 */
export function forgetAcknowledgedEvidence(db: Db, cutoff: string): string[] {
  return db.transaction(() => {
    const held = `SELECT DISTINCT submission_id FROM evidence_items WHERE submission_id IN (${acknowledgedBefore}) AND (local_path LIKE '%.enc' OR (${claimedText}))`;
    const submissionIds = (db.prepare(held).all(cutoff) as { submission_id: string }[]).map((row) => row.submission_id);
    if (submissionIds.length === 0) return [];
    forgetFiles(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc' AND submission_id IN (${acknowledgedBefore})`).all(cutoff) as LocalFile[]);
    forgetText(db, `submission_id IN (${acknowledgedBefore})`, cutoff);
    return submissionIds;
  })();
}

/** Every downloaded file and written response (at sign-out, or when the evidence key was lost). */
export function forgetAllDownloaded(db: Db): { files: number; writtenResponses: number } {
  return db.transaction(() => ({
    files: forgetFiles(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as LocalFile[]),
    writtenResponses: forgetText(db, '1'),
  }))();
}

/** One downloaded file that failed its integrity check when read; false if it was not here. */
export function forgetUnreadableFile(db: Db, evidenceId: string): boolean {
  return db.transaction(() => {
    const file = db.prepare(`SELECT id, local_path FROM evidence_items WHERE id = ? AND availability = 'available' AND local_path LIKE '%.enc'`).get(evidenceId) as LocalFile | undefined;
    return file ? forgetFiles(db, [file]) === 1 : false;
  })();
}

/** Paths of the downloaded evidence files (to add up the space they take). */
export function downloadedFilePaths(db: Db): string[] {
  return (db.prepare(`SELECT local_path FROM evidence_items WHERE local_path LIKE '%.enc'`).all() as { local_path: string }[]).map((row) => row.local_path);
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
  /** Other changes that had not reached the server: audit-trail records, referrals and their messages, a lead's reviews, resolutions and lifts. */
  unsentOther: number;
}

/**
 * Removes everything claimed from the hosted API (evidence files, written responses, drafts,
 * comments, decisions, their outbox entries, the batches) and the outbox entries of the kinds that
 * belong to the account, keeping the shipped demo. Returns what was safe and what went.
 */
export function wipeClaimedWork(db: Db, accountKinds: string[]): WipeReport {
  const ofAccount = `kind IN (SELECT value FROM json_each(@accountKinds))`;
  const kinds = { accountKinds: JSON.stringify(accountKinds) };
  const count = (sql: string, parameters: object = {}): number => (db.prepare(sql).get(parameters) as { n: number }).n;
  return db.transaction(() => {
    const unsent = `SELECT entity_id FROM outbox WHERE kind = '${decisionKind}' AND state IN ('pending', 'conflict') AND entity_id IN (${claimedSubmissions})`;
    const unfinished = `SELECT sd.submission_id FROM scoring_drafts sd WHERE sd.submission_id IN (${claimedSubmissions}) AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = sd.submission_id)`;
    const unsentLabels = (db.prepare(`SELECT label FROM submissions WHERE id IN (${unsent}) OR id IN (${unfinished}) ORDER BY label LIMIT 200`).all() as { label: string }[]).map((row) => row.label);
    const downloaded = forgetAllDownloaded(db);
    const report: WipeReport = {
      synced: count(`SELECT count(*) AS n FROM outbox WHERE kind = '${decisionKind}' AND state = 'acknowledged' AND entity_id IN (${claimedSubmissions})`),
      unsentDecisions: count(`SELECT count(*) AS n FROM (${unsent})`),
      drafts: count(`SELECT count(*) AS n FROM (${unfinished})`),
      comments: count(`SELECT count(*) AS n FROM comments WHERE submission_id IN (${claimedSubmissions})`),
      submissions: count(`SELECT count(*) AS n FROM (${claimedSubmissions})`),
      unsentLabels,
      evidenceFiles: downloaded.files,
      writtenResponses: downloaded.writtenResponses,
      unsentOther: 0,
    };
    // Everything else the account still had to send goes too: audit records are counted change by change.
    report.unsentOther = count(
      `SELECT coalesce(sum(CASE WHEN kind = '${auditKind}' THEN json_array_length(payload, '$.changes') ELSE 1 END), 0) AS n FROM outbox
       WHERE kind != '${decisionKind}' AND state IN ('pending', 'conflict') AND (entity_id IN (${claimedSubmissions}) OR ${ofAccount})`,
      kinds,
    );
    db.prepare(`DELETE FROM outbox WHERE entity_id IN (${claimedSubmissions}) OR ${ofAccount}`).run(kinds);
    db.prepare(`DELETE FROM submissions WHERE id IN (${claimedSubmissions})`).run();
    db.prepare(`DELETE FROM batches WHERE is_demo = 0`).run();
    return report;
  })();
}

/** A lead's review batches (adjudication, backreading, referrals read beside the evidence), all gone; whether there were any. */
export function removeReviewBatches(db: Db): boolean {
  const reviews = db.prepare(`SELECT id FROM batches WHERE kind = 'review'`).all() as { id: string }[];
  return db.transaction(() => reviews.filter(({ id }) => removeBatch(db, id)).length > 0)();
}

/** One batch and everything of its submissions here (a published master batch, a resolved adjudication); whether there was such a batch. */
export function removeBatch(db: Db, batchId: string): boolean {
  const inBatch = `SELECT submission_id FROM assignments WHERE batch_id = ?`;
  return db.transaction(() => {
    forgetFiles(db, db.prepare(`SELECT id, local_path FROM evidence_items WHERE local_path LIKE '%.enc' AND submission_id IN (${inBatch})`).all(batchId) as LocalFile[]);
    db.prepare(`DELETE FROM outbox WHERE entity_id IN (${inBatch})`).run(batchId);
    db.prepare(`DELETE FROM submissions WHERE id IN (${inBatch})`).run(batchId);
    return db.prepare('DELETE FROM batches WHERE id = ?').run(batchId).changes === 1;
  })();
}
