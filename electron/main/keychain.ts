import { app, safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileAtomically } from '../core/private-files';

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
