import { rmSync } from 'node:fs';
import type { Db } from '../db/database';
import { forgetFileToDelete, listFilesToDelete } from '../repositories/files-to-delete';

/**
 * Deletes the files that committed transactions stopped pointing at (listed in files_to_delete).
 * Called after each such transaction and on every start, so none outlives a crash in between.
 */
export function sweepDeletedFiles(db: Db): number {
  const paths = listFilesToDelete(db);
  for (const path of paths) {
    rmSync(path, { force: true });
    forgetFileToDelete(db, path);
  }
  return paths.length;
}
