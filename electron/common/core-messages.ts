import type { Result } from '../../shared/contract/result';

/** Messages between the Electron main process and core in its utility process. */
export type ToCore = { type: 'invoke'; id: number; method: string; input: unknown };
export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'fatal'; message: string };
