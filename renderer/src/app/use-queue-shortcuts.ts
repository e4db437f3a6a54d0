import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { nextUndecided, stepFrom } from '../navigation/queue-steps';
import type { Navigation } from '../navigation/use-navigation';

interface Options {
  navigation: Pick<Navigation, 'queue' | 'openSubmissionId' | 'open'>;
  railCollapsed: boolean;
  setRailCollapsed: (collapsed: boolean | ((collapsed: boolean) => boolean)) => void;
  /** Focuses the queue's list (once it is on screen). */
  focusQueue: () => void;
  showShortcuts: () => void;
}

/** The keys that move between submissions and show the queue or the shortcut sheet (the workspace's own are useScoringShortcuts). */
export function useQueueShortcuts({ navigation, railCollapsed, setRailCollapsed, focusQueue, showShortcuts }: Options): void {
  const { queue, openSubmissionId, open } = navigation;
  const openFound = (submissionId: string | null): void => {
    if (submissionId) open(submissionId);
  };
  useShortcutHandlers({
    onAction: (action) => {
      switch (action) {
        case 'focusQueue':
          // A folded queue opens first, and takes the focus once it is there.
          if (railCollapsed) {
            setRailCollapsed(false);
            requestAnimationFrame(focusQueue);
          } else focusQueue();
          return true;
        case 'toggleQueue':
          setRailCollapsed((collapsed) => !collapsed);
          return true;
        case 'showShortcuts':
          showShortcuts();
          return true;
        case 'nextUndecided':
          if (queue.state !== 'ready') return false;
          openFound(nextUndecided(queue.value, openSubmissionId));
          return true;
        case 'nextSubmission':
        case 'previousSubmission':
          if (queue.state !== 'ready' || queue.value.length === 0) return false;
          openFound(stepFrom(queue.value, openSubmissionId, action === 'nextSubmission' ? 1 : -1));
          return true;
        default:
          return false;
      }
    },
  });
}
