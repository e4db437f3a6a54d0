import type { QueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../shared/contract/methods';
import { queryKeyOf } from './contract-reads';

export const syncStatusKey = queryKeyOf('sync.status', {});
export const sessionKey = queryKeyOf('session.get', {});

/** Keeps the newest status: an answer can arrive after an event that was reported later. */
export function newerStatus(current: SyncStatus | undefined, next: SyncStatus): SyncStatus {
  return current && current.revision > next.revision ? current : next;
}

/** A status from an event or from a method's answer goes into the cache, unless a newer one is there. */
export function keepSyncStatus(queries: QueryClient, status: SyncStatus): void {
  queries.setQueryData<SyncStatus>(syncStatusKey, (current) => newerStatus(current, status));
}
