import { statfsSync, statSync } from 'node:fs';
import type { Db } from '../db/database';
import { downloadedFilePaths } from '../repositories/claimed-work';

/** Space the downloaded evidence takes, and what is left on its disk. */
export function storageUsage(db: Db, folder: string): { evidenceBytes: number; freeBytes: number } {
  let evidenceBytes = 0;
  for (const path of downloadedFilePaths(db)) {
    try {
      evidenceBytes += statSync(path).size;
    } catch {
      // already gone
    }
  }
  const disk = statfsSync(folder);
  return { evidenceBytes, freeBytes: disk.bavail * disk.bsize };
}
