import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writePrivateFileAtomically } from '../platform/private-files';

/**
 * Where the workstation keeps its secrets (the session's tokens and the key that encrypts evidence):
 * the OS keychain through Electron's safeStorage on the desktop, a file only this user can read in
 * the preview host, or nowhere but memory when neither is safe.
 */
export interface SecretVault {
  readonly kind: 'os' | 'file' | 'memory';
  load(): Promise<string | null>;
  save(secret: string): Promise<void>;
  clear(): Promise<void>;
}

/** The preview host's vault: a 0600 file kept apart from the data folder (beside it, never in it: the UI says so), replaced whole on each save. */
export class FileVault implements SecretVault {
  readonly kind = 'file' as const;
  constructor(private readonly path: string) {}

  load(): Promise<string | null> {
    return Promise.resolve(existsSync(this.path) ? readFileSync(this.path, 'utf8') : null);
  }

  save(secret: string): Promise<void> {
    writePrivateFileAtomically(this.path, secret);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    rmSync(this.path, { force: true });
    return Promise.resolve();
  }
}

/** Keeps nothing on disk: used when the OS offers only plain-text storage. */
export class MemoryVault implements SecretVault {
  readonly kind = 'memory' as const;
  private secret: string | null = null;

  load(): Promise<string | null> {
    return Promise.resolve(this.secret);
  }

  save(secret: string): Promise<void> {
    this.secret = secret;
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.secret = null;
    return Promise.resolve();
  }
}
