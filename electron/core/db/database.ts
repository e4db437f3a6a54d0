import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another ABI (the Electron utility process). */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) the workstation database and brings it to the newest schema.
 * Core is the only writer. WAL keeps reads from blocking the writer; synchronous=FULL makes every
 * committed scoring edit, decision and outbox row survive power loss, which is the promise the
 * UI's "saved" makes.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
