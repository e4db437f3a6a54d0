import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { saveCredential, saveRubricVersion } from '../repositories/credentials';
import { saveAssignment, saveBatch } from '../repositories/batches';
import { savePreviousAttempt, saveSubmission } from '../repositories/submissions';
import { saveEvidence } from '../repositories/evidence';
import { DemoWorkspaceFile } from './workspace-file';

const dayMs = 24 * 60 * 60 * 1000;

export function readDemoWorkspace(demoDir: string): DemoWorkspaceFile {
  const raw: unknown = JSON.parse(readFileSync(join(demoDir, 'workspace.json'), 'utf8'));
  return DemoWorkspaceFile.parse(raw);
}

/**
 * Loads the embedded demo batch in one transaction. Media stay where they are shipped (read-only
 * resources); sizes and digests are computed here so they can never disagree with the files.
 */
export function importDemoWorkspace(db: Db, demoDir: string, now: Date): void {
  const workspace = readDemoWorkspace(demoDir);
  const mediaDir = join(demoDir, 'media');
  const claimedAt = now.toISOString();
  const dueAt = new Date(now.getTime() + workspace.batch.dueInDays * dayMs).toISOString();
  const leaseExpiresAt = new Date(now.getTime() + workspace.batch.leaseDays * dayMs).toISOString();
  const digests = new Map<string, { bytes: number; sha256: string }>();
  const describe = (file: string): { bytes: number; sha256: string } => {
    let known = digests.get(file);
    if (!known) {
      const bytes = readFileSync(join(mediaDir, file));
      known = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      digests.set(file, known);
    }
    return known;
  };

  db.transaction(() => {
    for (const credential of workspace.credentials) saveCredential(db, credential);
    for (const rubric of workspace.rubrics) saveRubricVersion(db, rubric);
    saveBatch(db, { id: workspace.batch.id, label: workspace.batch.label, isDemo: true, claimedAt, leaseExpiresAt, dueAt });
    workspace.submissions.forEach((submission, position) => {
      saveSubmission(db, submission);
      saveAssignment(db, { submissionId: submission.id, batchId: workspace.batch.id, position, leaseExpiresAt, dueAt });
      for (const attempt of submission.previousAttempts ?? []) savePreviousAttempt(db, submission.id, attempt);
      submission.evidence.forEach((item, index) => {
        const content = item.file ? describe(item.file) : describeText(item.text ?? '');
        saveEvidence(db, {
          id: item.id,
          submissionId: submission.id,
          position: index,
          kind: item.kind,
          title: item.title,
          mimeType: item.mimeType,
          bytes: content.bytes,
          sha256: content.sha256,
          durationMs: item.durationMs ?? null,
          availability: 'available',
          localPath: item.file ? join(mediaDir, item.file) : null,
          captionsPath: item.captionsFile ? join(mediaDir, item.captionsFile) : null,
          text: item.text ?? null,
        });
      });
    });
  })();
}

function describeText(text: string): { bytes: number; sha256: string } {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
