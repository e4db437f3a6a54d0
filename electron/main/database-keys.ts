import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseKeysHandover } from '../hosts-shared/core-rpc';
import { decodeDatabaseKeys, encodeDatabaseKeys, newDatabaseKey } from '../core/db/database-keys';
import { ensurePrivateFolder, writePrivateFileAtomically } from '../core/platform/private-files';

/** safeStorage's two calls (taken as a parameter so this is tested without Electron). */
export interface StringCipher {
  encryptString(text: string): Buffer;
  decryptString(bytes: Buffer): string;
}

export interface DesktopKeyFiles {
  /** The keys encrypted with safeStorage, in the user-data folder (`database-key.bin`). */
  keychain: string;
  /** The 0600 file core keeps in the keys folder beside the data folder where no keychain was available (`database.key`). */
  keyFile: string;
}

/**
 * The database keys main hands core at start (encoded), made on first start; or 'key-file' where
 * the OS offers no keychain (Linux's plain-text backend), so core keeps them in a 0600 file beside
 * the data folder: unsent work must survive a restart, and safeStorage's plain-text backend would
 * protect them no better. Keys kept in that file move into the keychain once one is there. Throws, changing nothing,
 * when the keys are in a keychain that cannot be reached now: new keys would open nothing.
 */
export function databaseKeysForCore(cipher: StringCipher | null, files: DesktopKeyFiles): DatabaseKeysHandover {
  if (!cipher) {
    if (existsSync(files.keychain)) {
      throw new Error('The key to the workstation’s database is kept with the system keychain, which is not available now. Open the workstation again once the keychain is unlocked; nothing was changed.');
    }
    return { kept: 'key-file' };
  }
  if (existsSync(files.keychain)) return { kept: 'keychain', keys: encodeDatabaseKeys(decodeDatabaseKeys(cipher.decryptString(readFileSync(files.keychain)))) };
  const keys = existsSync(files.keyFile) ? decodeDatabaseKeys(readFileSync(files.keyFile, 'utf8')) : { current: newDatabaseKey(), next: null };
  saveDatabaseKeys(cipher, files.keychain, encodeDatabaseKeys(keys));
  rmSync(files.keyFile, { force: true }); // only once the keychain holds them
  return { kept: 'keychain', keys: encodeDatabaseKeys(keys) };
}

/** Keeps core's keys (encoded) encrypted with safeStorage, replacing the file whole. */
export function saveDatabaseKeys(cipher: StringCipher, file: string, encoded: string): void {
  decodeDatabaseKeys(encoded); // nothing but a key record is kept
  ensurePrivateFolder(dirname(file));
  writePrivateFileAtomically(file, cipher.encryptString(encoded));
}
