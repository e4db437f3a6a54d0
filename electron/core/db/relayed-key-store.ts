import type { FromCore } from '../../common/core-messages';
import { encodeDatabaseKeys } from './database-keys';
import type { DatabaseKeys, DatabaseKeyStore } from './database-keys';

/**
 * The desktop's database keys, kept by the main process with safeStorage (the utility process that
 * runs core has no keychain access): each save is a message, durable once main answers.
 */
export class RelayedDatabaseKeyStore implements DatabaseKeyStore {
  readonly kind = 'os' as const;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly post: (message: FromCore) => void) {}

  save(keys: DatabaseKeys): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'saveDatabaseKeys', id, keys: encodeDatabaseKeys(keys) });
    });
  }

  /** Main's answer to a save: null when the keys are kept, else why not. */
  settle(id: number, error: string | null): void {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    if (error === null) waiting?.resolve();
    else waiting?.reject(new Error(`the keychain could not keep the database key: ${error}`));
  }
}
