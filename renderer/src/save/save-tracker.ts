import { useSyncExternalStore } from 'react';
import type { ContractErrorShape } from '../../../shared/contract/result';

export type SaveStatus = { state: 'saved'; at: string | null } | { state: 'saving' } | { state: 'failed'; error: ContractErrorShape };

/**
 * Counts saves in flight across the workspace: the UI says "saved" only when every edit it has
 * shown has been acknowledged by core as durable.
 */
class SaveTracker {
  private pending = 0;
  private status: SaveStatus = { state: 'saved', at: null };
  private readonly listeners = new Set<() => void>();

  begin(): void {
    this.pending += 1;
    this.set({ state: 'saving' });
  }

  end(result: { ok: true; savedAt: string } | { ok: false; error: ContractErrorShape }): void {
    this.pending = Math.max(0, this.pending - 1);
    if (!result.ok) this.set({ state: 'failed', error: result.error });
    else if (this.pending === 0 && this.status.state !== 'failed') this.set({ state: 'saved', at: result.savedAt });
  }

  get = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

export const saveTracker = new SaveTracker();

export function useSaveStatus(): SaveStatus {
  return useSyncExternalStore(saveTracker.subscribe, saveTracker.get);
}
