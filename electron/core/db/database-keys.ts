import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writePrivateFileAtomically } from '../platform/private-files';

export const databaseKeyBytes = 32;
/** The file the preview host (and a desktop without a keychain) keeps the database's keys in, in the keys folder (see keysFolderFor). */
export const databaseKeyFileName = 'database.key';

/**
 * The keys of the local database. `next` is set only while a re-key is under way (a remote wipe
 * retiring `current`): it is kept before the file is re-encrypted, so whatever a crash interrupts,
 * one of the two opens the file, and the re-key is finished at the next start.
 */
export interface DatabaseKeys {
  current: Buffer;
  next: Buffer | null;
}

/**
 * Where the database keys are kept, apart from the session's secrets (signing out must leave the
 * assessor's unsent work readable): the OS keychain through the desktop's main process, or a 0600
 * file in the data folder (the preview host, and a desktop where Linux offers no keychain).
 */
export interface DatabaseKeyStore {
  readonly kind: 'os' | 'file';
  /** Durable when it resolves; the record replaced whole. */
  save(keys: DatabaseKeys): Promise<void>;
}

export const newDatabaseKey = (): Buffer => randomBytes(databaseKeyBytes);

const hexKey = /^[0-9a-f]{64}$/;

/** The stored form: JSON with the keys in hex (the same record the desktop encrypts with safeStorage). */
export function encodeDatabaseKeys(keys: DatabaseKeys): string {
  return JSON.stringify({ current: keys.current.toString('hex'), next: keys.next?.toString('hex') ?? null });
}

export function decodeDatabaseKeys(text: string): DatabaseKeys {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    record = null;
  }
  const { current, next } = (record ?? {}) as { current?: unknown; next?: unknown };
  if (typeof current !== 'string' || !hexKey.test(current) || (next !== null && (typeof next !== 'string' || !hexKey.test(next)))) {
    throw new Error('The stored database key is damaged; it was left as it is.');
  }
  return { current: Buffer.from(current, 'hex'), next: next === null ? null : Buffer.from(next, 'hex') };
}

/**
 * The keys in a 0600 file in the keys folder beside the data folder. It keeps them from other users
 * of the computer and out of a copy of the data folder, not from a copy of the whole user folder
 * (the README says so; the desktop's keychain does).
 */
export class DatabaseKeyFile implements DatabaseKeyStore {
  readonly kind = 'file' as const;
  constructor(readonly path: string) {}

  /** The stored keys, or new ones made and kept (before any database is encrypted with them). */
  loadOrCreate(): DatabaseKeys {
    if (existsSync(this.path)) return decodeDatabaseKeys(readFileSync(this.path, 'utf8'));
    const keys = { current: newDatabaseKey(), next: null };
    writePrivateFileAtomically(this.path, encodeDatabaseKeys(keys));
    return keys;
  }

  save(keys: DatabaseKeys): Promise<void> {
    writePrivateFileAtomically(this.path, encodeDatabaseKeys(keys));
    return Promise.resolve();
  }
}
