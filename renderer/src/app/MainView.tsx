import { useTranslation } from 'react-i18next';
import type { Decided } from '../decision/use-decision';
import { leadViews } from '../lead/lead-views';
import { useNavigation } from '../navigation/use-navigation';
import { SubmissionWorkspace } from '../workspace/SubmissionWorkspace';
import { usePreferences } from '../workspace/use-preferences';

/** The main area: the view navigation says, and in the scoring view the open submission (or how to open one). */
export function MainView({ onDecided, noBatches }: { onDecided: (decided: Decided) => void; noBatches: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { view, batch, queue, openSubmissionId } = useNavigation();
  const preferences = usePreferences();
  const leadView = leadViews.find((candidate) => candidate.id === view);
  if (leadView) return <leadView.component />;
  // A submission left open in a batch that is gone (another account's, a settled review) is not shown: the queue is.
  const openInShownBatch = queue.state !== 'ready' || queue.value.some((item) => item.submissionId === openSubmissionId);
  if (!openSubmissionId || !batch || !preferences.ready || !openInShownBatch) return <p className="hint choose-hint">{noBatches ? t('app.noBatches') : t('submission.choose')}</p>;
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
