import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { queryKeyOf, readFromCore } from '../data/contract-reads';
import { keepSyncStatus, newerStatus, syncStatusKey } from '../data/sync-status';

const sessionKey = queryKeyOf('session.get', {});

/** The session with the hosted API (null until core has answered). */
export function useSession(): SessionInfo | null {
  const client = useClient();
  return useQuery({ queryKey: sessionKey, queryFn: () => readFromCore(client, 'session.get', {}) }).data ?? null;
}

/** What sync is doing (null until core has answered); kept current by core's status events. */
export function useSyncStatus(): SyncStatus | null {
  const client = useClient();
  const queries = useQueryClient();
  const read = async (): Promise<SyncStatus> => newerStatus(queries.getQueryData(syncStatusKey), await readFromCore(client, 'sync.status', {}));
  return useQuery({ queryKey: syncStatusKey, queryFn: read }).data ?? null;
}

/** Keeps what a method answered about the session or sync, for every view at once. */
export function useKeepHostedState(): { keepSession: (session: SessionInfo) => void; keepStatus: (status: SyncStatus) => void } {
  const queries = useQueryClient();
  return {
    keepSession: useCallback((session: SessionInfo) => queries.setQueryData(sessionKey, session), [queries]),
    keepStatus: useCallback((status: SyncStatus) => keepSyncStatus(queries, status), [queries]),
  };
}
