import type { MicroCredential } from '../../shared/domain/rubric';
import type { EvidenceManifestItem } from '../../shared/hosted-api/schemas';
import type { CalibrationCandidate } from '../../shared/hosted-api/quality';
import type { HostedStore } from './store';

const excerptLength = 200;

/**
 * Submissions of one micro-credential a lead may put in a calibration set (not already in a set,
 * not a gold alias), each with its place in live scoring and a preview of its evidence.
 */
export function calibrationCandidates(store: HostedStore, credentialId: string, limit: number): CalibrationCandidate[] {
  const credential = store.sql('SELECT body FROM credentials WHERE id = ?').get(credentialId) as { body: string } | undefined;
  if (!credential) return [];
  const credentialTitle = (JSON.parse(credential.body) as MicroCredential).title;
  const rows = store
    .sql(
      `SELECT s.id, s.label, s.attempt, s.submitted_at,
         EXISTS (SELECT 1 FROM adjudications a WHERE a.submission_id = s.id AND a.resolution IS NULL) AS in_adjudication,
         EXISTS (SELECT 1 FROM decisions d WHERE d.submission_id = s.id) AS decided,
         EXISTS (SELECT 1 FROM assignments x WHERE x.submission_id = s.id AND x.state = 'assigned') AS claimed
       FROM submissions s WHERE s.credential_id = ?
         AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.alias_id = s.id)
       ORDER BY s.position LIMIT ?`,
    )
    .all(credentialId, limit) as { id: string; label: string; attempt: number; submitted_at: string; in_adjudication: number; decided: number; claimed: number }[];
  const evidenceOf = store.sql('SELECT body FROM evidence WHERE submission_id = ? ORDER BY position');
  return rows.map((row) => {
    const evidence = (evidenceOf.all(row.id) as { body: string }[]).map((item) => JSON.parse(item.body) as Pick<EvidenceManifestItem, 'kind' | 'title' | 'durationMs' | 'text'>);
    const written = evidence.find((item) => item.text)?.text ?? null;
    return {
      id: row.id,
      label: row.label,
      credentialId,
      credentialTitle,
      attempt: row.attempt,
      submittedAt: row.submitted_at,
      status: row.in_adjudication ? 'adjudication' : row.decided ? 'decided' : row.claimed ? 'claimed' : 'unclaimed',
      evidence: evidence.map(({ kind, title, durationMs }) => ({ kind, title, durationMs })),
      excerpt: written === null ? null : excerptOf(written),
    };
  });
}

/** The first words of a written response, cut at a word boundary. */
function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= excerptLength) return flat;
  const cut = flat.slice(0, excerptLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), excerptLength / 2))}…`;
}
