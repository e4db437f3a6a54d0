import { useCallback, useEffect, useState } from 'react';
import type { SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';

/** The session and sync state, kept current by `sync.changed` events. */
export function useHosted(): { session: SessionInfo | null; sync: SyncStatus | null; setSession: (session: SessionInfo) => void; setSync: (sync: SyncStatus) => void } {
  const client = useClient();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    void client.invoke('session.get', {}).then((result) => {
      if (!cancelled && result.ok) setSession(result.value);
    });
    void client.invoke('sync.status', {}).then((result) => {
      if (!cancelled && result.ok) setSync(result.value);
    });
    const unsubscribe = client.subscribe('sync.changed', (status) => {
      setSync(status);
      if (status.state === 'signed_out') void client.invoke('session.get', {}).then((result) => result.ok && setSession(result.value));
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client]);
  return { session, sync, setSession: useCallback((value: SessionInfo) => setSession(value), []), setSync: useCallback((value: SyncStatus) => setSync(value), []) };
}
