import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, copyFileSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateFile, ensurePrivateFolder, syncToDisk } from '../platform/private-files';
import { databaseKeyBytes } from './database-keys';
import { migrate } from './migrate';
import { cacheStatements } from './statement-cache';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3-multiple-ciphers binary built for another ABI (the Electron utility process). */
  nativeBinding?: string | undefined;
}

/** The key opened nothing: the file was encrypted with another key (or is not a database). Nothing was changed. */
export class WrongDatabaseKey extends Error {
  constructor(readonly file: string) {
    super(`The workstation's database ${file} cannot be read with the key this computer holds. Nothing was changed: the file is kept as it is.`);
  }
}

/** What every database file written by a version before encryption starts with. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (creating if needed) the workstation database, encrypted as a whole with `key`, and brings
 * it to the newest schema. A plain file left by an older version is encrypted first.
 *
 * Every page of the file, its WAL and its shared memory is encrypted (SQLCipher 4's format, AES-256
 * with an HMAC per page), so a copy of the data folder reads as noise without the key. The key is 32
 * random bytes used raw, with no key derivation: nothing here is a password to stretch, and opening
 * stays under a millisecond. Core is the only writer. WAL keeps reads from blocking the writer;
 * synchronous=FULL makes every committed scoring edit, decision and outbox row survive power loss,
 * which is the promise the UI's "saved" makes. The file is created 0600 before SQLite opens it (its
 * WAL and shared-memory files take the same mode), and secure_delete zeroes what is deleted
 * instead of leaving it in free pages.
 */
export function openDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== databaseKeyBytes) throw new Error(`The database key must be ${databaseKeyBytes} bytes.`);
  ensurePrivateFolder(dirname(file));
  ensurePrivateFile(file);
  if (holdsPlainDatabase(file)) encryptPlainDatabase(file, key, options);
  const db = new Database(file, driverOptions(options));
  try {
    // The cipher, then the key, before anything reads the file: a WAL switch first would write a plain header.
    useCipher(db);
    db.pragma(`key = '${rawKey(key)}'`);
    assertKeyOpens(db, file);
    assertEncryptionBuiltIn(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    migrate(db);
    cacheStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Re-encrypts the whole file under `key` (a remote wipe retires the old key). SQLite can only do this
 * in a rollback-journal mode with no other connection open: false, with nothing changed, when another
 * connection holds the file. The file keeps its salt (the first 16 bytes, which SQLCipher mixes into
 * each page's HMAC key; it is not secret): with a new salt, a crash while the new pages are written
 * leaves a file that neither key opens, while with the same salt the next open with the old key rolls
 * the journal back (tests/integration/database-keys.test.ts cuts a re-key short to show it).
 */
export function rekeyDatabase(db: Db, key: Buffer): boolean {
  if (key.length !== databaseKeyBytes) throw new Error(`The database key must be ${databaseKeyBytes} bytes.`);
  db.pragma('wal_checkpoint(TRUNCATE)'); // the first page, with the salt, is in the file from here on
  db.pragma('busy_timeout = 0');
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return false;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
  try {
    db.pragma(`rekey = '${rawKey(key)}${readSalt(db.name).toString('hex')}'`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
  return true;
}

/**
 * Deleted rows are zeroed (secure_delete) but older copies of their pages may sit in the WAL: a
 * checkpoint that truncates it leaves no copy of what was removed.
 */
export function flushDeletedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** How long a statement waits for a lock another connection holds (tests open a second one; core's is the only one in use). */
const busyTimeoutMs = 5000;
const saltBytes = 16;

const driverOptions = (options: OpenOptions): Database.Options => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
const rawKey = (key: Buffer): string => `raw:${key.toString('hex')}`;

/** SQLCipher 4's file format (what Signal Desktop and SQLCipher tools read), chosen before the key is given. */
function useCipher(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** A plain SQLite build takes `PRAGMA key` silently and writes plain text: refuse to run on one. */
function assertEncryptionBuiltIn(db: Db): void {
  try {
    db.prepare('SELECT sqlite3mc_version()').pluck().get();
  } catch (error) {
    if (!/no such function/.test(error instanceof Error ? error.message : '')) throw error;
    throw new Error('This build of SQLite cannot encrypt the workstation database (SQLite3 Multiple Ciphers is missing); reinstall the app.', { cause: error });
  }
}

/** SQLite learns whether the key fits only when it reads the first page: a wrong key fails here, before anything is written. */
function assertKeyOpens(db: Db, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new WrongDatabaseKey(file);
    throw error;
  }
}

function readHeader(file: string, bytes: number): Buffer {
  const header = Buffer.alloc(bytes);
  const fd = openSync(file, 'r');
  try {
    return header.subarray(0, readSync(fd, header, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

const holdsPlainDatabase = (file: string): boolean => readHeader(file, plainHeader.length).equals(plainHeader);

function readSalt(file: string): Buffer {
  const salt = readHeader(file, saltBytes);
  if (salt.length !== saltBytes) throw new Error('The database file has no salt to keep.');
  return salt;
}

/**
 * An older version's plain database is encrypted on a copy that replaces it only once complete, so
 * a crash at any point leaves either the plain original or the encrypted whole, never half of each.
 * Its WAL is folded in and removed first; afterwards no file in the folder holds its plain pages (the
 * blocks the file system freed are beyond what an app can scrub: the README says so).
 */
function encryptPlainDatabase(file: string, key: Buffer, options: OpenOptions): void {
  const plain = new Database(file, driverOptions(options));
  plain.pragma('wal_checkpoint(TRUNCATE)');
  plain.pragma('journal_mode = DELETE');
  plain.close();
  const copy = `${file}.encrypting`;
  for (const leftover of [copy, `${copy}-journal`]) rmSync(leftover, { force: true }); // an earlier attempt a crash cut short
  copyFileSync(file, copy);
  const encrypting = new Database(copy, driverOptions(options));
  try {
    useCipher(encrypting);
    assertEncryptionBuiltIn(encrypting);
    encrypting.pragma(`rekey = '${rawKey(key)}'`);
  } finally {
    encrypting.close();
  }
  syncToDisk(copy);
  renameSync(copy, file);
  syncToDisk(dirname(file));
}
