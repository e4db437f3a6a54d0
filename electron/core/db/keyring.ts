import type { Logger } from '../platform/log';
import { openDatabase, rekeyDatabase, WrongDatabaseKey } from './database';
import type { Db, OpenOptions } from './database';
import { newDatabaseKey } from './database-keys';
import type { DatabaseKeys, DatabaseKeyStore } from './database-keys';

/**
 * The database's keys while core runs: which one opens the file, and replacing it (a remote wipe).
 * A new key is kept as `next` before the file is re-encrypted, and becomes `current` (the old one
 * gone from the store) only after, so a crash at any point leaves a key on record that opens the file.
 */
export class DatabaseKeyring {
  /** Saves run one after another, in the order they were asked for. */
  private saved: Promise<void> = Promise.resolve();

  constructor(
    private keys: DatabaseKeys,
    private readonly store: DatabaseKeyStore,
    private readonly logger: Logger,
  ) {}

  /**
   * Opens the file with the current key, or with the next one when a re-key got that far before the
   * process stopped; a re-key that never started is done now, before anything else uses the file.
   */
  open(file: string, options: OpenOptions = {}): Db {
    const { current, next } = this.keys;
    let db: Db;
    try {
      db = openDatabase(file, current, options);
    } catch (error) {
      if (!(error instanceof WrongDatabaseKey) || !next) throw error;
      db = openDatabase(file, next, options);
      this.settle({ current: next, next: null });
      return db;
    }
    if (next && rekeyDatabase(db, next)) this.settle({ current: next, next: null });
    return db;
  }

  /**
   * Re-encrypts the file under a new key and forgets the old one, so a copy of the database taken
   * before now cannot be read with anything left on this machine. Needs the only connection to the
   * file (core's); if another holds it, the re-key waits for the next start. Never rejects.
   */
  replace(db: Db): Promise<void> {
    const replaced = this.saved.then(async () => {
      const ordered = { current: this.keys.current, next: newDatabaseKey() };
      await this.store.save(ordered);
      this.keys = ordered;
      if (!rekeyDatabase(db, ordered.next)) {
        this.logger.error('the database could not be re-keyed now (another connection holds it); it will be at the next start');
        return;
      }
      this.keys = { current: ordered.next, next: null };
      await this.store.save(this.keys);
    });
    this.saved = replaced.catch((error: unknown) => this.logger.error('could not replace the database key', error));
    return this.saved;
  }

  /** Resolves once every key change asked for so far is kept (or failed, and was logged). */
  kept(): Promise<void> {
    return this.saved;
  }

  /** Keeps what opened the file; if the save fails, the next start finds the same pair and settles it again. */
  private settle(keys: DatabaseKeys): void {
    this.keys = keys;
    this.saved = this.saved.then(() => this.store.save(keys)).catch((error: unknown) => this.logger.error('could not keep the database key', error));
  }
}
