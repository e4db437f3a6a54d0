import type { Db } from '../db/database';
import type { EvidenceKind, EvidenceSummary, LocalAvailability } from '../../../shared/domain/submission';

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

/** What the renderer may see: no local paths. */
export function toSummary(record: EvidenceRecord): EvidenceSummary {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    mimeType: record.mimeType,
    bytes: record.bytes,
    sha256: record.sha256,
    durationMs: record.durationMs,
    availability: record.availability === 'corrupt' && (record.downloadFailures ?? 0) >= maxVerificationFailures ? 'quarantined' : record.availability,
    text: record.text,
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

/** Evidence still to fetch for this machine, oldest claim first (quarantined files left out). */
export function listToDownload(db: Db): (EvidenceRecord & { submissionLabel: string })[] {
  const rows = db
    .prepare(
      `SELECT e.*, s.label AS submission_label FROM evidence_items e
       JOIN assignments a ON a.submission_id = e.submission_id JOIN submissions s ON s.id = e.submission_id
       WHERE e.kind != 'text' AND (e.availability IN ('remote', 'downloading') OR (e.availability = 'corrupt' AND e.download_failures < ?))
       ORDER BY a.batch_id, a.position, e.position`,
    )
    .all(maxVerificationFailures) as (EvidenceRow & { submission_label: string })[];
  return rows.map((row) => ({ ...toRecord(row), submissionLabel: row.submission_label }));
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
