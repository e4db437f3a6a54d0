import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keysFolderFor } from './paths';

/**
 * The workstation's files hold minors' classroom evidence and the assessor's secrets: only this
 * user may open them. Everything is created with its private mode from the start, never opened up
 * and locked down afterwards (another process could open it in between).
 */
const folderMode = 0o700;
const fileMode = 0o600;

/** The data folder (and parents it creates) as 0700; an existing folder made by an older version is locked down. */
export function ensurePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: folderMode });
  if (process.platform !== 'win32' && (statSync(path).mode & 0o777) !== folderMode) chmodSync(path, folderMode);
}

/**
 * Creates the file empty with mode 0600 if it does not exist (SQLite then gives its WAL and shared
 * memory files the same mode); an existing file made by an older version is locked down.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', fileMode));
  if (process.platform !== 'win32' && (statSync(path).mode & 0o777) !== fileMode) chmodSync(path, fileMode);
}

/**
 * Replaces the file's content all at once: written to a new file created 0600, flushed, then
 * renamed over the old one, so a crash leaves the old content or the new, never half of either. The
 * folder is flushed too: a rename is durable only once its folder is (the database key depends on it).
 */
export function writePrivateFileAtomically(path: string, content: string | Buffer): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', fileMode);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeSync(fd, bytes, 0, bytes.length, 0);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  syncToDisk(dirname(path));
}

/** Flushes a file, or a folder's entries, to the disk. Windows cannot open a folder for this (and makes renames durable itself). */
export function syncToDisk(path: string): void {
  if (process.platform === 'win32' && statSync(path).isDirectory()) return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file of secrets in the keys folder beside the data folder (made 0700). One kept in the data folder
 * by an older version moves there first, so a copy of the data folder carries no key.
 */
export function keptApart(dataDir: string, name: string): string {
  const folder = keysFolderFor(dataDir);
  ensurePrivateFolder(folder);
  const path = join(folder, name);
  const old = join(dataDir, name);
  if (existsSync(old) && !existsSync(path)) renameSync(old, path);
  return path;
}
