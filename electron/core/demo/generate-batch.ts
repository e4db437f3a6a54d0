import type { Db } from '../db/database';
import { listDemoSubmissions, saveAssignment, saveBatch } from '../repositories/batches';
import { saveSubmission } from '../repositories/submissions';
import { listEvidence, saveEvidence } from '../repositories/evidence';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Adds a large synthetic batch built from the demo credentials (for load tests and benches:
 * `--generated-batch 5000`). Each generated submission reuses a demo submission's rubric and
 * evidence files, so it opens and plays like the real thing.
 */
export function generateBatch(db: Db, size: number, now: Date): string {
  const templates = listDemoSubmissions(db);
  if (templates.length === 0) throw new Error('The demo workspace must be loaded before generating a batch.');
  const batchId = `generated-${size}`;
  const claimedAt = now.toISOString();
  const dueAt = new Date(now.getTime() + 7 * dayMs).toISOString();
  db.transaction(() => {
    saveBatch(db, { id: batchId, label: `Generated batch (${size} submissions)`, isDemo: true, claimedAt, leaseExpiresAt: dueAt, dueAt });
    for (let index = 0; index < size; index++) {
      const template = templates[index % templates.length]!;
      const id = `${batchId}-${String(index + 1).padStart(5, '0')}`;
      saveSubmission(db, {
        id,
        credentialId: template.credentialId,
        rubricVersionId: template.rubricVersionId,
        label: `Submission ${String(index + 1).padStart(5, '0')}`,
        attempt: 1,
        submittedAt: claimedAt,
      });
      saveAssignment(db, { submissionId: id, batchId, position: index, leaseExpiresAt: dueAt, dueAt });
      for (const item of listEvidence(db, template.id)) {
        saveEvidence(db, { ...item, id: `${id}-${item.position}`, submissionId: id });
      }
    }
  })();
  return batchId;
}
