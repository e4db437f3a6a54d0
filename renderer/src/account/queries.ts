import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput, SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { useContractQuery } from '../data/contract-query';
import type { Loadable } from '../data/contract-query';
import { callCore } from '../data/contract-reads';
import { newerStatus, sessionKey, syncStatusKey } from '../data/sync-status';

/** The session with the hosted API (null until core has answered). */
export function useSession(): SessionInfo | null {
  const client = useClient();
  return useQuery({ queryKey: sessionKey, queryFn: () => callCore(client, 'session.get', {}) }).data ?? null;
}

/** What sync is doing (null until core has answered); kept current by core's status events. */
export function useSyncStatus(): SyncStatus | null {
  const client = useClient();
  const queries = useQueryClient();
  const read = async (): Promise<SyncStatus> => newerStatus(queries.getQueryData(syncStatusKey), await callCore(client, 'sync.status', {}));
  return useQuery({ queryKey: syncStatusKey, queryFn: read }).data ?? null;
}

/** Decisions the server refused; read only while the status counts some, and again whenever their number changes (core-events). */
export function useConflicts(count: number): Loadable<MethodOutput<'sync.conflicts'>> {
  return useContractQuery('sync.conflicts', {}, { enabled: count > 0 });
}
