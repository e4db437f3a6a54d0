import { encodeDatabaseKeys } from './database-keys';
import type { DatabaseKeys, DatabaseKeyStore } from './database-keys';

/**
 * The desktop's database keys, kept by the main process with safeStorage (the utility process that
 * runs core has no keychain access): each save is a call to main, durable once main answers.
 */
export class RelayedDatabaseKeyStore implements DatabaseKeyStore {
  readonly kind = 'os' as const;

  /** `keep` asks main to keep the encoded keys; it fails when main could not. */
  constructor(private readonly keep: (encoded: string) => Promise<unknown>) {}

  async save(keys: DatabaseKeys): Promise<void> {
    try {
      await this.keep(encodeDatabaseKeys(keys));
    } catch (error) {
      throw new Error(`the keychain could not keep the database key: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
