import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';

/** Keeps the newest status: an answer can arrive after an event that was reported later. */
const newer =
  (next: SyncStatus) =>
  (current: SyncStatus | null): SyncStatus =>
    current && current.revision > next.revision ? current : next;

interface Hosted {
  session: SessionInfo | null;
  sync: SyncStatus | null;
  setSession: (session: SessionInfo) => void;
  setSync: (sync: SyncStatus) => void;
}

const HostedContext = createContext<Hosted | null>(null);

/** The session and sync state, shared by every view (the header's lead views, the panel). */
export function useHosted(): Hosted {
  const hosted = useContext(HostedContext);
  if (!hosted) throw new Error('useHosted outside HostedProvider');
  return hosted;
}

/** Reads the session and sync state once and keeps them current by `sync.changed` events. */
export function HostedProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const client = useClient();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    let lastState: SyncStatus['state'] | null = null;
    void client.invoke('session.get', {}).then((result) => {
      if (!cancelled && result.ok) setSession(result.value);
    });
    void client.invoke('sync.status', {}).then((result) => {
      if (!cancelled && result.ok) {
        setSync(newer(result.value));
        lastState ??= result.value.state;
      }
    });
    // Signing in or out anywhere (this panel, another view, the server ending the session) changes
    // the sync state to or from signed_out: that is when the session is read again.
    const unsubscribe = client.subscribe('sync.changed', (status) => {
      setSync(newer(status));
      const signedInChanged = (lastState ?? 'signed_out') === 'signed_out' ? status.state !== 'signed_out' : status.state === 'signed_out';
      lastState = status.state;
      if (signedInChanged || status.state === 'signed_out') void client.invoke('session.get', {}).then((result) => result.ok && setSession(result.value));
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client]);
  const setNewerSync = useCallback((value: SyncStatus) => setSync(newer(value)), []);
  const hosted = useMemo(() => ({ session, sync, setSession, setSync: setNewerSync }), [session, sync, setNewerSync]);
  return <HostedContext.Provider value={hosted}>{children}</HostedContext.Provider>;
}
