import type { Result } from '../../shared/contract/result';
import type { EvidenceFile, EvidencePart } from './evidence-file';

/** Messages between the Electron main process and core in its utility process. */
export type ToCore =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'resolveEvidence'; id: number; evidenceId: string; part: EvidencePart }
  | { type: 'evidenceUnreadable'; evidenceId: string }
  | { type: 'vaultResult'; id: number; secret: string | null };
export type FromCore =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'evidence'; id: number; file: EvidenceFile | null }
  | { type: 'event'; event: string; payload: unknown }
  /** Core asks the main process to keep or read its secrets with the OS keychain (safeStorage). */
  | { type: 'vault'; id: number; op: 'load' | 'save' | 'clear'; secret?: string }
  | { type: 'fatal'; message: string };
