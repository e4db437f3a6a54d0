import { keysFolderFor } from '../core/platform/paths';
import { app, safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKeyFileName } from '../core/db/database-keys';
import { writePrivateFileAtomically } from '../core/platform/private-files';
import type { DatabaseKeysForCore } from './answers-to-core';
import { databaseKeysForCore, saveDatabaseKeys } from './database-keys';

/**
 * The desktop's secret store: ciphertext from safeStorage (Keychain, DPAPI, libsecret/kwallet) in
 * the user-data folder. Where Linux offers only its plain-text fallback, nothing is kept on disk.
 */
export function keychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

const file = (): string => join(app.getPath('userData'), 'secrets.bin');

export function keychainLoad(): string | null {
  return existsSync(file()) ? safeStorage.decryptString(readFileSync(file())) : null;
}

export function keychainSave(secret: string): void {
  writePrivateFileAtomically(file(), safeStorage.encryptString(secret));
}

export function keychainClear(): void {
  rmSync(file(), { force: true });
}

/**
 * The database's keys, in their own file beside the session's (signing out clears the session, never
 * the database key: unsent work stays readable). Throws when they are in a keychain out of reach now.
 */
export function desktopDatabaseKeys(dataDir: string): DatabaseKeysForCore {
  const files = { keychain: join(app.getPath('userData'), 'database-key.bin'), keyFile: join(keysFolderFor(dataDir), databaseKeyFileName) };
  const cipher = keychainAvailable() ? safeStorage : null;
  return {
    handover: databaseKeysForCore(cipher, files),
    save(encoded) {
      // Without a keychain core keeps its keys itself and never asks.
      if (!cipher) throw new Error('no keychain on this system');
      saveDatabaseKeys(cipher, files.keychain, encoded);
    },
  };
}
