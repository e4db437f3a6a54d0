import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDemoWorkspace } from '../../electron/core/demo/import-demo';
import type { HostedStore, StoredEvidence } from './store';

export const seededPassword = 'correct horse battery staple';
export const seededAccounts = [
  { id: 'acct-assessor-1', email: 'assessor@example.org', displayName: 'Assessor One', roles: ['assessor' as const] },
  { id: 'acct-assessor-2', email: 'assessor2@example.org', displayName: 'Assessor Two', roles: ['assessor' as const] },
  { id: 'acct-lead', email: 'lead@example.org', displayName: 'Lead Assessor', roles: ['assessor' as const, 'lead' as const] },
];

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const textDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Seeds the reference server from the embedded demo workspace: `demo` repeats its submissions to a
 * few dozen; `large` makes thousands, with hundreds of distinct evidence files and a few videos of
 * hundreds of MB (made once, on the first start with that seed, and kept in the data folder).
 */
export async function seed(store: HostedStore, kind: 'demo' | 'large', demoDir: string, dataDir: string, copiesOverride?: number): Promise<void> {
  if (store.isSeeded()) return;
  const workspace = readDemoWorkspace(demoDir);
  const media = join(demoDir, 'media');
  const fileDir = join(dataDir, 'evidence');
  mkdirSync(fileDir, { recursive: true });
  const copies = copiesOverride ?? (kind === 'demo' ? 5 : 430);
  const distinctFiles = kind === 'demo' ? 0 : 300;
  const bigVideos = kind === 'demo' ? 0 : 3;

  const describedFiles = new Map<string, { file: string; bytes: number; sha256: string }>();
  const describe = async (file: string): Promise<{ file: string; bytes: number; sha256: string }> => {
    let known = describedFiles.get(file);
    if (!known) {
      known = { file, bytes: statSync(file).size, sha256: await sha256Of(file) };
      describedFiles.set(file, known);
    }
    return known;
  };
  /** A distinct copy of a file (a few unique trailing bytes, which players ignore), made once. */
  const distinctCopy = (from: string, target: string, mark: string): string => {
    if (!existsSync(target)) {
      copyFileSync(from, target);
      appendFileSync(target, Buffer.from(`\n${mark}\n`));
    }
    return target;
  };
  const variant = (source: string, index: number): string => distinctCopy(join(media, source), join(fileDir, `variant-${index}-${source}`), `assessor-seed-variant-${index}`);
  /**
   * A long lesson (about 210 MB, 4½ hours of the demo clip): ffmpeg makes the first (6 CPU-s here);
   * the others are distinct copies of it.
   */
  const bigVideo = (index: number): string => {
    const target = join(fileDir, `long-lesson-${index}.webm`);
    if (index > 0) return distinctCopy(bigVideo(0), target, `assessor-seed-long-lesson-${index}`);
    if (existsSync(target)) return target;
    const loops = 400;
    const made = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(loops), '-i', join(media, 'credit-scores-discussion.webm'), '-c', 'copy', target]);
    if (made.status !== 0) {
      // Without ffmpeg: a large file of the same clip repeated (downloadable, not playable past the first copy).
      const clip = readFileSync(join(media, 'credit-scores-discussion.webm'));
      for (let copy = 0; copy < loops; copy++) appendFileSync(target, clip);
    }
    return target;
  };

  for (const account of seededAccounts) await store.auth.addAccount(account, seededPassword);
  store.db.transaction(() => {
    for (const credential of workspace.credentials) store.saveCredential(credential);
    for (const rubric of workspace.rubrics) store.saveRubric(rubric);
  })();

  let position = 0;
  let distinct = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const template of workspace.submissions) {
      // Opaque, like any platform's: an id says nothing of where a submission came from (a gold copy's looks the same).
      const id = `sub-${createHash('sha256').update(`${template.id}:${copy}`).digest('hex').slice(0, 12)}`;
      const items: StoredEvidence[] = [];
      for (const [index, item] of template.evidence.entries()) {
        let file: string | null = null;
        if (item.file) {
          const isVideo = item.kind === 'video';
          if (isVideo && bigVideos > 0 && position < bigVideos) file = bigVideo(position);
          else if (isVideo && distinct < distinctFiles) file = variant(item.file, distinct++);
          else file = join(media, item.file);
        }
        const facts = file ? await describe(file) : { bytes: Buffer.byteLength(item.text ?? ''), sha256: textDigest(item.text ?? '') };
        items.push({
          item: {
            id: `${id}-ev-${index}`,
            kind: item.kind,
            title: item.title,
            mimeType: item.mimeType,
            bytes: facts.bytes,
            sha256: facts.sha256,
            durationMs: item.durationMs ?? null,
            text: item.text ?? null,
          },
          file,
          captionsFile: item.captionsFile ? join(media, item.captionsFile) : null,
          submissionId: id,
        });
      }
      store.db.transaction(() => {
        store.saveSubmission({
          id,
          label: `Submission ${String(position + 1).padStart(4, '0')}`,
          credentialId: template.credentialId,
          rubricVersionId: template.rubricVersionId,
          attempt: template.attempt,
          submittedAt: template.submittedAt,
          previousAttempts: template.previousAttempts ?? [],
          position,
        });
        items.forEach((item, index) => store.saveEvidence(item, index));
      })();
      position += 1;
    }
  }
}
