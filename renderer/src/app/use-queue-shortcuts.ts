import { useTranslation } from 'react-i18next';
import { useSession } from '../account/queries';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { nextUndecided, otherBatchesToDecide, stepFrom, undecidedIn } from '../navigation/queue-steps';
import type { Navigation } from '../navigation/use-navigation';
import { batchName } from '../queue/batch-name';
import type { Words } from '../words';

interface Options {
  navigation: Pick<Navigation, 'queue' | 'openSubmissionId' | 'open' | 'batches' | 'batch'>;
  /** Says something in the window's notice (N with nothing left to decide here). */
  inform: (message: Words) => void;
  railCollapsed: boolean;
  setRailCollapsed: (collapsed: boolean | ((collapsed: boolean) => boolean)) => void;
  /** Focuses the queue's list (once it is on screen). */
  focusQueue: () => void;
  showShortcuts: () => void;
}

/** The keys that move between submissions and show the queue or the shortcut sheet (the workspace's own are useScoringShortcuts). */
export function useQueueShortcuts({ navigation, inform, railCollapsed, setRailCollapsed, focusQueue, showShortcuts }: Options): void {
  const { queue, openSubmissionId, open, batches, batch } = navigation;
  const { i18n } = useTranslation();
  const signedIn = useSession()?.signedIn ?? false;
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
        case 'nextUndecided': {
          if (queue.state !== 'ready') return false;
          const next = nextUndecided(queue.value, openSubmissionId);
          if (next) open(next);
          // Nothing left here: said, with where undecided work waits (or that more can be claimed).
          else inform(batchDone(otherBatchesToDecide(batches, batch?.id ?? null), signedIn, () => i18n.language));
          return true;
        }
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

/** "This batch is done", and where undecided work waits: other batches by name and count, else a claim. */
function batchDone(others: ReturnType<typeof otherBatchesToDecide>, signedIn: boolean, language: () => string): Words {
  return (t) => {
    const elsewhere = others.map((other) => t('queue.undecidedIn', { batch: batchName(other, t, language()), count: undecidedIn(other) }));
    return [t('decision.batchDone'), elsewhere.length > 0 ? t('queue.undecidedElsewhere', { batches: elsewhere.join('; ') }) : t(signedIn ? 'queue.claimMore' : 'queue.signInToClaim')].join(' ');
  };
}
