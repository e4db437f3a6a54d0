import Database from 'better-sqlite3-multiple-ciphers';
import { dirname } from 'node:path';
import { ensurePrivateFile, ensurePrivateFolder } from '../private-files';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3-multiple-ciphers binary built for another ABI (the Electron utility process). */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) the workstation database and brings it to the newest schema.
 * Core is the only writer. WAL keeps reads from blocking the writer; synchronous=FULL makes every
 * committed scoring edit, decision and outbox row survive power loss, which is the promise the
 * UI's "saved" makes. The file is created 0600 before SQLite opens it (its WAL and shared-memory
 * files take the same mode), and secure_delete zeroes what is deleted instead of leaving it in free pages.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  ensurePrivateFolder(dirname(file));
  ensurePrivateFile(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Deleted rows are zeroed (secure_delete) but older copies of their pages may sit in the WAL: a
 * checkpoint that truncates it leaves no copy of what was removed.
 */
export function flushDeletedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
