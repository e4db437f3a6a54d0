import type { Result } from '../../shared/contract/result';

/** Messages between the Electron main process and core in its utility process. */
export type ToCore =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'resolveEvidence'; id: number; evidenceId: string; part: 'media' | 'captions' };
export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'evidence'; id: number; file: { path: string; mimeType: string } | null }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'fatal'; message: string };
