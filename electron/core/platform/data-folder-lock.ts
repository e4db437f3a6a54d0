import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another workstation is running on this data folder (its process id). */
export class DataFolderInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`Another Assessor Workstation (process ${ownerPid}) is using ${dataDir}. Close it first, or set ASSESSOR_DATA_DIR to another folder.`);
  }
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // there, but another user's
  }
};

/**
 * One workstation per data folder: a second (another `npm start`, a second desktop instance) would
 * run a second core on the same database and outbox, and both would send it. The lock is a file
 * holding its owner's process id, created exclusively; one left by a process that is gone (a crash,
 * a kill) is taken over, and so is one of this very process (a core opened again in it). Returns how
 * to let go.
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, 'workstation.lock');
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
        } catch {
          // already gone (the folder was removed)
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) throw new DataFolderInUse(dataDir, owner);
      rmSync(path, { force: true }); // left behind, or this process's own
    }
  }
  throw new Error(`Could not lock ${dataDir}: another workstation keeps taking it.`);
}
