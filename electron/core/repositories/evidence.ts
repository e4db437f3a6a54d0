import type { Db } from '../db/database';
import type { EvidenceKind, EvidenceSummary, LocalAvailability } from '../../../shared/domain/submission';
import { decisionKind } from './outbox-kinds';

export interface EvidenceRecord {
  id: string;
  submissionId: string;
  position: number;
  kind: EvidenceKind;
  title: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  durationMs: number | null;
  availability: LocalAvailability;
  localPath: string | null;
  captionsPath: string | null;
  text: string | null;
  /** Failed verifications so far (see maxVerificationFailures). */
  downloadFailures?: number;
}

interface EvidenceRow {
  id: string;
  submission_id: string;
  position: number;
  kind: EvidenceKind;
  title: string;
  mime_type: string;
  bytes: number;
  sha256: string;
  duration_ms: number | null;
  availability: LocalAvailability;
  local_path: string | null;
  captions_path: string | null;
  text_content: string | null;
  download_failures: number;
}

function toRecord(row: EvidenceRow): EvidenceRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    mimeType: row.mime_type,
    bytes: row.bytes,
    sha256: row.sha256,
    durationMs: row.duration_ms,
    availability: row.availability,
    localPath: row.local_path,
    captionsPath: row.captions_path,
    text: row.text_content,
    downloadFailures: row.download_failures,
  };
}

/**
 * What the renderer may see: no local paths. `text` is the written response as the caller could
 * read it (sealed at rest; null when it is not here or cannot be opened).
 */
export function toSummary(record: EvidenceRecord, text: string | null): EvidenceSummary {
  const missingText = record.kind === 'text' && text === null;
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    mimeType: record.mimeType,
    bytes: record.bytes,
    sha256: record.sha256,
    durationMs: record.durationMs,
    availability: missingText ? 'remote' : record.availability === 'corrupt' && (record.downloadFailures ?? 0) >= maxVerificationFailures ? 'quarantined' : record.availability,
    text,
    hasCaptions: record.captionsPath !== null,
  };
}

export function saveEvidence(db: Db, evidence: EvidenceRecord): void {
  db.prepare(
    `INSERT INTO evidence_items (id, submission_id, position, kind, title, mime_type, bytes, sha256, duration_ms,
                                 availability, local_path, captions_path, text_content)
     VALUES (@id, @submissionId, @position, @kind, @title, @mimeType, @bytes, @sha256, @durationMs,
             @availability, @localPath, @captionsPath, @text)
     ON CONFLICT (id) DO NOTHING`,
  ).run(evidence);
}

export function listEvidence(db: Db, submissionId: string): EvidenceRecord[] {
  const rows = db
    .prepare('SELECT * FROM evidence_items WHERE submission_id = ? ORDER BY position')
    .all(submissionId) as EvidenceRow[];
  return rows.map(toRecord);
}

export function setAvailability(db: Db, id: string, availability: LocalAvailability, localPath: string | null): void {
  db.prepare('UPDATE evidence_items SET availability = ?, local_path = ? WHERE id = ?').run(availability, localPath, id);
}

/** A file that failed verification this many times is quarantined instead of fetched again. */
export const maxVerificationFailures = 3;

/**
 * Evidence is not fetched (again) for work whose decision the server acknowledged before `@keptSince`:
 * retention has removed it, and would at once again.
 */
const stillNeeded = `e.submission_id NOT IN (SELECT entity_id FROM outbox WHERE kind = '${decisionKind}' AND state = 'acknowledged' AND acknowledged_at <= @keptSince)`;

/**
 * Evidence files still to fetch for this machine, oldest claim first (quarantined files left out).
 * `keptSince`: the retention cutoff (see stillNeeded).
 */
export function listToDownload(db: Db, keptSince: string): (EvidenceRecord & { submissionLabel: string })[] {
  const rows = db
    .prepare(
      `SELECT e.*, s.label AS submission_label FROM evidence_items e
       JOIN assignments a ON a.submission_id = e.submission_id JOIN submissions s ON s.id = e.submission_id
       WHERE e.kind != 'text' AND (e.availability IN ('remote', 'downloading') OR (e.availability = 'corrupt' AND e.download_failures < @maxFailures)) AND ${stillNeeded}
       ORDER BY a.batch_id, a.position, e.position`,
    )
    .all({ maxFailures: maxVerificationFailures, keptSince }) as (EvidenceRow & { submission_label: string })[];
  return rows.map((row) => ({ ...toRecord(row), submissionLabel: row.submission_label }));
}

/** Submissions with a written response to fetch again (removed at sign-out, or sealed under a lost key). */
export function listSubmissionsMissingText(db: Db, keptSince: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT e.submission_id FROM evidence_items e JOIN assignments a ON a.submission_id = e.submission_id JOIN batches b ON b.id = a.batch_id
       WHERE e.kind = 'text' AND e.availability = 'remote' AND b.is_demo = 0 AND ${stillNeeded} ORDER BY a.batch_id, a.position`,
    )
    .all({ keptSince }) as { submission_id: string }[];
  return rows.map((row) => row.submission_id);
}

/** A written response, sealed, is here again. */
export function saveEvidenceText(db: Db, id: string, sealed: string): void {
  db.prepare(`UPDATE evidence_items SET text_content = ?, availability = 'available' WHERE id = ? AND kind = 'text'`).run(sealed, id);
}

/** Written responses of claimed work still stored as plain text (by a version that did not seal them). */
export function listUnsealedClaimedText(db: Db): { id: string; text: string }[] {
  return db
    .prepare(
      `SELECT e.id, e.text_content AS text FROM evidence_items e JOIN assignments a ON a.submission_id = e.submission_id JOIN batches b ON b.id = a.batch_id
       WHERE e.kind = 'text' AND e.text_content IS NOT NULL AND e.text_content NOT LIKE 'sealed:%' AND b.is_demo = 0`,
    )
    .all() as { id: string; text: string }[];
}

/** Downloaded files on this machine, with what they must hold (to check or rewrite them). */
export function listDownloadedFiles(db: Db): { id: string; path: string; bytes: number }[] {
  return db.prepare(`SELECT id, local_path AS path, bytes FROM evidence_items WHERE availability = 'available' AND local_path LIKE '%.enc'`).all() as { id: string; path: string; bytes: number }[];
}

/** A download that failed verification: counted, and marked corrupt until fetched again. */
export function recordVerificationFailure(db: Db, id: string): { failures: number; quarantined: boolean } {
  const row = db
    .prepare(`UPDATE evidence_items SET availability = 'corrupt', local_path = NULL, download_failures = download_failures + 1 WHERE id = ? RETURNING download_failures`)
    .get(id) as { download_failures: number } | undefined;
  const failures = row?.download_failures ?? 0;
  return { failures, quarantined: failures >= maxVerificationFailures };
}

export function getEvidence(db: Db, id: string): EvidenceRecord | null {
  const row = db.prepare('SELECT * FROM evidence_items WHERE id = ?').get(id) as EvidenceRow | undefined;
  return row ? toRecord(row) : null;
}
