import type { LeadViewId } from '../lead/lead-view-ids';

/** What the main area shows: scoring, or (for a lead) one of the lead's views (lead/lead-views.tsx). */
export type View = 'scoring' | LeadViewId;

/** The lead case a submission was opened beside the evidence for (it may be in more than one). */
export type ReviewCase = 'adjudication' | 'backread' | 'referral';

/** Where the assessor is: the view, the batch they chose (null: none chosen yet), the case a lead opened. */
export interface Place {
  readonly view: View;
  readonly batchId: string | null;
  readonly reviewCase: ReviewCase | null;
}

export interface NavigationStore {
  get: () => Place;
  subscribe: (listener: () => void) => () => void;
  show: (view: View) => void;
  chooseBatch: (batchId: string) => void;
  /** The case a lead opens beside the evidence (what the review pane shows for it). */
  review: (reviewCase: ReviewCase) => void;
}

/** The batch last worked in is reopened on the next start (the open submission is core's: a preference). */
export const batchStorageKey = 'assessor.batch';

/**
 * The one owner of where the assessor is. Views ask it to move and read it back; nothing else keeps
 * a view or a batch. No React here, so it is read the same way by a hook and by a test.
 */
export function createNavigationStore(storage: Pick<Storage, 'getItem' | 'setItem'>): NavigationStore {
  let place: Place = { view: 'scoring', batchId: storage.getItem(batchStorageKey), reviewCase: null };
  const listeners = new Set<() => void>();
  const move = (next: Place): void => {
    if (next.view === place.view && next.batchId === place.batchId && next.reviewCase === place.reviewCase) return;
    place = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => place,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    show: (view) => move({ ...place, view }),
    chooseBatch: (batchId) => {
      storage.setItem(batchStorageKey, batchId);
      move({ ...place, batchId });
    },
    review: (reviewCase) => move({ ...place, reviewCase }),
  };
}
