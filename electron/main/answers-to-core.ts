import type { RpcHandlers } from '../../shared/rpc/peer';
import type { DatabaseKeysHandover, MainForCore } from '../hosts-shared/core-rpc';

/** The database's keys for core: what main holds at start, and how it keeps core's replacements. */
export interface DatabaseKeysForCore {
  handover: DatabaseKeysHandover;
  /** Keeps the encoded keys with safeStorage; throws if it cannot. */
  save(encoded: string): void;
}

/** The session's secrets with safeStorage (see keychain.ts). */
export interface SessionKeychain {
  load(): string | null;
  save(secret: string): void;
  clear(): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * What main answers core: the keys and secrets only safeStorage can keep. A session secret the
 * keychain cannot keep is logged and the session carries on in memory (as it does without a
 * keychain); a database key it cannot keep fails core's call, which then keeps its current key.
 */
export function answersToCore(databaseKeys: DatabaseKeysForCore, keychain: SessionKeychain): RpcHandlers<MainForCore> {
  const quietly = <T>(op: string, work: () => T): T | null => {
    try {
      return work();
    } catch (error) {
      console.error(`[main] keychain ${op} failed: ${messageOf(error)}`);
      return null;
    }
  };
  return {
    'databaseKeys.handover': () => databaseKeys.handover,
    'databaseKeys.save': ({ keys }) => {
      try {
        databaseKeys.save(keys);
        return null;
      } catch (error) {
        console.error(`[main] keychain could not keep the database key: ${messageOf(error)}`);
        throw error;
      }
    },
    'vault.load': () => quietly('load', () => keychain.load()),
    'vault.save': ({ secret }) => {
      quietly('save', () => keychain.save(secret));
      return null;
    },
    'vault.clear': () => {
      quietly('clear', () => keychain.clear());
      return null;
    },
  };
}
