import type { Result } from '../../shared/contract/result';
import type { EvidenceFile, EvidencePart } from './evidence-file';

/**
 * The database's keys as main hands them to core at start: kept by main with safeStorage (encoded,
 * see core/db/database-keys), or, where there is no keychain, kept by core in its data folder.
 */
export type DatabaseKeysHandover = { kept: 'keychain'; keys: string } | { kept: 'key-file' };

/** Messages between the Electron main process and core in its utility process. */
export type ToCore =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'resolveEvidence'; id: number; evidenceId: string; part: EvidencePart }
  | { type: 'evidenceUnreadable'; evidenceId: string }
  | { type: 'vaultResult'; id: number; secret: string | null }
  /** Sent first: core opens its database only once it has them. */
  | { type: 'databaseKeys'; handover: DatabaseKeysHandover }
  | { type: 'databaseKeysSaved'; id: number; error: string | null };
export type FromCore =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'evidence'; id: number; file: EvidenceFile | null }
  | { type: 'event'; event: string; payload: unknown }
  /** Core asks the main process to keep or read its secrets with the OS keychain (safeStorage). */
  | { type: 'vault'; id: number; op: 'load' | 'save' | 'clear'; secret?: string }
  /** Core asks the main process to keep the database's keys (encoded) with safeStorage. */
  | { type: 'saveDatabaseKeys'; id: number; keys: string }
  | { type: 'fatal'; message: string };
