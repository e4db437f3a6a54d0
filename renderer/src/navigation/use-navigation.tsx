import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { BatchSummary } from '../../../shared/contract/methods';
import type { QueueItem } from '../../../shared/domain/submission';
import type { Loadable } from '../data/contract-query';
import { useSession } from '../account/queries';
import { usePreferences } from '../workspace/use-preferences';
import { useQueue, useWorkspaceSummary } from '../workspace/use-workspace';
import type { NavigationStore, ReviewCase, View } from './navigation-store';
import { isMidScoring } from './queue-steps';
import { shownBatch } from './shown-batch';
import { isLead as isLeadAccount } from '../../../shared/domain/roles';

const NavigationContext = createContext<NavigationStore | null>(null);

export function NavigationProvider({ store, children }: { store: NavigationStore; children: React.ReactNode }): React.JSX.Element {
  return <NavigationContext.Provider value={store}>{children}</NavigationContext.Provider>;
}

export interface Navigation {
  /** The view shown: a lead's choice, and always scoring for anyone else. */
  view: View;
  isLead: boolean;
  batches: BatchSummary[];
  batch: BatchSummary | null;
  queue: Loadable<QueueItem[]>;
  /** Kept by core across restarts (a preference): core itself moves it after a decision or an undo. */
  openSubmissionId: string | null;
  show: (view: View) => void;
  /** Shows another batch; the submission open from the batch left is closed (it is not part of this one). */
  chooseBatch: (batchId: string) => void;
  open: (submissionId: string | null) => void;
  /** The case a lead last opened beside the evidence (a submission may be in adjudication and backreading). */
  reviewCase: ReviewCase | null;
  /** A lead's "open beside the evidence": the review batch, its submission, in the scoring view, for that case. */
  openBeside: (batchId: string, submissionId: string, reviewCase: ReviewCase) => void;
  /**
   * A batch just brought here (claimed, a calibration set, a master batch prepared): chosen, nothing
   * open yet (what was open belonged to other work, perhaps another account's), in the scoring view.
   */
  scoreBatch: (batchId: string) => void;
  /**
   * A claim arrived: its batch is shown as scoreBatch does, unless the assessor is scoring a submission,
   * which stays open (the new batch waits in the batch picker). Whether it was shown.
   */
  claimArrived: (batchId: string) => boolean;
}

/** Where the assessor is, and every way to move: the navigation store with core's open submission. */
export function useNavigation(): Navigation {
  const store = useContext(NavigationContext);
  if (!store) throw new Error('useNavigation outside NavigationProvider');
  const place = useSyncExternalStore(store.subscribe, store.get);
  const session = useSession();
  const summary = useWorkspaceSummary();
  const preferences = usePreferences();
  const { update } = preferences;
  const batches = useMemo(() => (summary.state === 'ready' ? summary.value.batches : []), [summary]);
  const batch = shownBatch(batches, place.batchId);
  const queue = useQueue(batch?.id ?? null);
  const isLead = session?.signedIn === true && isLeadAccount(session);
  const shownId = batch?.id ?? null;

  const open = useCallback((submissionId: string | null) => update({ openSubmissionId: submissionId }), [update]);
  const chooseBatch = useCallback(
    (batchId: string) => {
      store.chooseBatch(batchId);
      if (batchId !== shownId) open(null);
    },
    [store, shownId, open],
  );
  const openBeside = useCallback(
    (batchId: string, submissionId: string, reviewCase: ReviewCase) => {
      store.chooseBatch(batchId);
      store.review(reviewCase);
      open(submissionId);
      store.show('scoring');
    },
    [store, open],
  );
  const scoreBatch = useCallback(
    (batchId: string) => {
      store.chooseBatch(batchId);
      open(null);
      store.show('scoring');
    },
    [store, open],
  );

  const scoring = place.view === 'scoring' && queue.state === 'ready' && isMidScoring(queue.value, preferences.openSubmissionId);
  const claimArrived = useCallback(
    (batchId: string) => {
      if (scoring) return false;
      scoreBatch(batchId);
      return true;
    },
    [scoring, scoreBatch],
  );

  return { view: isLead ? place.view : 'scoring', isLead, batches, batch, queue, openSubmissionId: preferences.openSubmissionId, reviewCase: place.reviewCase, show: store.show, chooseBatch, open, openBeside, scoreBatch, claimArrived };
}
