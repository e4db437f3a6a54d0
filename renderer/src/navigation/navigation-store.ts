import type { LeadViewId } from '../lead/lead-view-ids';

/** What the main area shows: scoring, or (for a lead) one of the lead's views (lead/lead-views.tsx). */
export type View = 'scoring' | LeadViewId;

/** Where the assessor is: the view, and the batch they chose (null: none chosen yet). */
export interface Place {
  readonly view: View;
  readonly batchId: string | null;
}

export interface NavigationStore {
  get: () => Place;
  subscribe: (listener: () => void) => () => void;
  show: (view: View) => void;
  chooseBatch: (batchId: string) => void;
}

/** The batch last worked in is reopened on the next start (the open submission is core's: a preference). */
export const batchStorageKey = 'assessor.batch';

/**
 * The one owner of where the assessor is. Views ask it to move and read it back; nothing else keeps
 * a view or a batch. No React here, so it is read the same way by a hook and by a test.
 */
export function createNavigationStore(storage: Pick<Storage, 'getItem' | 'setItem'>): NavigationStore {
  let place: Place = { view: 'scoring', batchId: storage.getItem(batchStorageKey) };
  const listeners = new Set<() => void>();
  const move = (next: Place): void => {
    if (next.view === place.view && next.batchId === place.batchId) return;
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
  };
}
