import { useEffect, useRef } from 'react';
import { useSession } from './queries';

/**
 * Calls `onSwitch` when another account signs in at this window than the one last signed in here:
 * what the window still holds from the previous account (a decision's toast, the last decision the
 * Undo key would take back) is not the new one's. Signing out alone switches nothing: the same account
 * signing in again finds its window as it left it.
 */
export function useAccountSwitch(onSwitch: () => void): void {
  const session = useSession();
  const account = session?.signedIn ? `${session.serverUrl} ${session.email ?? ''}` : null;
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (account === null) return;
    if (last.current !== null && last.current !== account) onSwitch();
    last.current = account;
  }, [account, onSwitch]);
}
