import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decided } from '../decision/use-decision';
import { leadViews } from '../lead/lead-views';
import { useFollowLeadQueues } from '../lead/use-follow-lead-queues';
import { describeChord } from '../keyboard/key-names';
import { useNavigation } from '../navigation/use-navigation';
import { SubmissionWorkspace } from '../workspace/SubmissionWorkspace';
import { usePreferences } from '../workspace/use-preferences';

interface Props {
  onDecided: (decided: Decided) => void;
  noBatches: boolean;
  /** Puts the focus in the queue's list (what Q does). */
  focusQueue: () => void;
}

/** The main area: the view navigation says, and in the scoring view the open submission (or how to open one). */
export function MainView({ onDecided, noBatches, focusQueue }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { view, batch, queue, openSubmissionId } = useNavigation();
  const preferences = usePreferences();
  const leadView = leadViews.find((candidate) => candidate.id === view);
  useFollowLeadQueues(leadView?.followsQueues ?? false);
  if (leadView) return <leadView.component />;
  // A submission left open in a batch that is gone (another account's, a settled review) is not shown: the queue is.
  const openInShownBatch = queue.state !== 'ready' || queue.value.some((item) => item.submissionId === openSubmissionId);
  if (!openSubmissionId || !batch || !preferences.ready || !openInShownBatch) {
    return noBatches ? <p className="hint choose-hint">{t('app.noBatches')}</p> : <ChooseHint queueReady={queue.state === 'ready'} focusQueue={focusQueue} nextKey={preferences.keymap.nextUndecided[0] ?? 'N'} />;
  }
  // One workspace per submission *in a batch*: the same submission in another batch (a calibration
  // set, a lead's review) is other work, with its own draft, editor and time on task.
  return (
    <SubmissionWorkspace
      key={`${batch.id}:${openSubmissionId}`}
      submissionId={openSubmissionId}
      batchId={batch.id}
      splitRatio={preferences.splitRatio}
      onSplitRatio={(ratio, done) => (done ? preferences.update({ splitRatio: ratio }) : preferences.show({ splitRatio: ratio }))}
      onDecided={onDecided}
    />
  );
}

/**
 * Nothing open: how to open something (the queue, or the key for the first undecided submission), and the queue ready for it. With the focus nowhere (a first
 * start, a batch just chosen), the queue takes it, so that "↑ ↓ then Enter" does what it says at once.
 */
function ChooseHint({ queueReady, focusQueue, nextKey }: { queueReady: boolean; focusQueue: () => void; nextKey: string }): React.JSX.Element {
  const { t } = useTranslation();
  useEffect(() => {
    if (queueReady && (document.activeElement === null || document.activeElement === document.body)) focusQueue();
  }, [queueReady, focusQueue]);
  return <p className="hint choose-hint">{t('submission.choose', { key: describeChord(nextKey, t) })}</p>;
}
