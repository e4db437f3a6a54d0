import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { flushDeletedPages } from '../db/database';
import type { Logger } from '../platform/log';
import { ensurePrivateFolder } from '../platform/private-files';
import { forgetAllDownloaded, forgetUnreadableFile } from '../repositories/claimed-work';
import { getEvidence, listDownloadedFiles, listUnsealedClaimedText, saveEvidenceText } from '../repositories/evidence';
import type { EvidenceRecord } from '../repositories/evidence';
import { addNotice } from '../repositories/notices';
import { getAssignedSubmission } from '../repositories/submissions';
import { rewriteAsCurrentFormat } from './encrypted-file';
import { sweepDeletedFiles } from './file-sweeper';
import { isSealed, openSealedText, sealText } from './sealed-text';

export interface EvidenceAtRestOptions {
  db: Db;
  dataDir: string;
  /** The evidence key (throws until the vault has been read). */
  key: () => Buffer;
  logger: Logger;
  now: () => Date;
  /** An item of this submission is no longer here. */
  onRemoved: (submissionId: string) => void;
}

/**
 * What this machine holds from candidates, and how it is held: downloaded files (encrypted, in a
 * 0700 folder) and written responses (sealed in the database). Opens them for the renderer, brings
 * what an older version stored up to date, removes a file that fails its integrity check, and
 * removes everything at once, leaving no copy in the database's free pages or WAL.
 */
export class EvidenceAtRest {
  constructor(private readonly options: EvidenceAtRestOptions) {}

  /**
   * Where downloaded evidence lives (made 0700 on first use), under a name keyed by the evidence key:
   * the folder's listing says nothing of which submissions this machine holds.
   */
  fileFor(evidenceId: string): string {
    ensurePrivateFolder(this.folder());
    return join(this.folder(), `${createHmac('sha256', this.options.key()).update(`file-name\0${evidenceId}`).digest('hex').slice(0, 32)}.enc`);
  }

  private folder(): string {
    return join(this.options.dataDir, 'evidence');
  }

  seal(evidenceId: string, text: string): string {
    return sealText(this.options.key(), evidenceId, text);
  }

  /** A written response as the renderer may see it: opened from its sealed form (plain only for the shipped demo). */
  readWrittenResponse(record: EvidenceRecord): string | null {
    if (record.text === null) return null;
    if (!isSealed(record.text)) return record.text;
    try {
      return openSealedText(this.options.key(), record.id, record.text);
    } catch {
      return null; // the vault is still being read
    }
  }

  /** Everything from candidates goes (files and written responses); returns how much. */
  removeAll(): { files: number; writtenResponses: number } {
    const removed = forgetAllDownloaded(this.options.db);
    this.removeLeftovers();
    return removed;
  }

  /**
   * After claimed work left the database: its files go, the folder with any partial download (not
   * recorded against its evidence), and every copy of the removed rows in the WAL.
   */
  removeLeftovers(): void {
    sweepDeletedFiles(this.options.db);
    rmSync(this.folder(), { recursive: true, force: true });
    flushDeletedPages(this.options.db);
  }

  /** Written responses an older version kept in plain text are sealed, and their plain copies flushed. */
  sealPlainWrittenResponses(): void {
    const { db } = this.options;
    const plain = listUnsealedClaimedText(db);
    if (plain.length === 0) return;
    db.transaction(() => {
      for (const item of plain) saveEvidenceText(db, item.id, this.seal(item.id, item.text));
    })();
    flushDeletedPages(db);
    this.options.logger.info(`${plain.length} written responses sealed at rest`);
  }

  /** Files downloaded in the old encrypted format are rewritten in the current one (or, if unreadable, fetched again). */
  async rewriteOldFormatFiles(stopped: () => boolean): Promise<void> {
    for (const file of listDownloadedFiles(this.options.db)) {
      if (stopped()) return;
      if (!(await rewriteAsCurrentFormat(file.path, this.options.key(), file.id, file.bytes))) this.removeUnreadable(file.id);
    }
  }

  /**
   * A downloaded file failed its integrity check when read (cut, altered or swapped on disk): it
   * is removed and the assessor told; true if it was here (the caller fetches it again).
   */
  removeUnreadable(evidenceId: string): boolean {
    const { db } = this.options;
    const evidence = getEvidence(db, evidenceId);
    if (!evidence || !forgetUnreadableFile(db, evidenceId)) return false;
    sweepDeletedFiles(db);
    const submission = getAssignedSubmission(db, evidence.submissionId);
    addNotice(db, 'evidence_unreadable', { title: evidence.title.slice(0, 200), submissionLabel: submission?.label ?? '' }, this.options.now().toISOString());
    this.options.logger.error(`evidence ${evidenceId} failed its integrity check on disk; fetching it again`);
    this.options.onRemoved(evidence.submissionId);
    return true;
  }
}
