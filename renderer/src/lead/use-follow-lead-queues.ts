import { useEffect, useRef } from 'react';
import { useContractMutation } from '../data/contract-mutation';
import { refreshLeadQueues } from './mutations';

/** How often the lead's queues are fetched while a lead looks at one: a case new on the server shows within 10 s. */
export const leadQueuesEveryMs = 8_000;

/**
 * While `watching` (a lead view that shows a queue is open), core fetches the adjudication,
 * backreading and referral queues at once and then every few seconds while the page is visible; what
 * arrives reaches the views through core's quality event. One fetch at a time; a failed one (offline,
 * signed out) is simply tried again next time: the views keep what was last synced, with its time.
 */
export function useFollowLeadQueues(watching: boolean): void {
  const { mutateAsync } = useContractMutation(refreshLeadQueues);
  const fetching = useRef(false);
  useEffect(() => {
    if (!watching) return;
    const refresh = (): void => {
      if (fetching.current || document.visibilityState === 'hidden') return;
      fetching.current = true;
      mutateAsync({})
        .catch(() => undefined)
        .finally(() => (fetching.current = false));
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    refresh();
    const timer = window.setInterval(refresh, leadQueuesEveryMs);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [watching, mutateAsync]);
}
