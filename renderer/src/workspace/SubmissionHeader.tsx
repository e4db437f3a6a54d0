import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { formatMediaTime } from '../../../shared/format/media-time';
import { UndoButton } from '../decision/UndoButton';
import { formatDateTime } from '../format';
import { ReferDialog } from '../referrals/ReferDialog';
import { ReferralStrip } from '../referrals/ReferralStrip';
import type { Words } from '../words';

interface Props {
  submission: SubmissionDetail;
  /** What went wrong last (a refused decision, a failed save), until dismissed. */
  error: Words | null;
  onDismissError: () => void;
  onUndo: () => void;
}

/** Above the work: which submission (blind label and credential), its attempt, status, due date and time on task, a recorded decision with Undo, and the last error. */
export function SubmissionHeader({ submission, error, onDismissError, onUndo }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <header className="submission-header">
      <h2 id="submission-title">
        <span data-content>
          {submission.label} · {submission.credential.title}
        </span>
      </h2>
      <p className="submission-facts">
        <span className="chip">{t('submission.attempt', { attempt: submission.attempt })}</span>
        {submission.attempt > 1 && <span className="chip chip-resubmission">{t('submission.resubmission')}</span>}
        <span className={`status status-${submission.status}`}>{t(`status.${submission.status}`)}</span>
        <span>{t('submission.due', { date: formatDateTime(submission.dueAt, i18n.language) })}</span>
        <span>{t('submission.timeOnTask', { time: formatMediaTime(submission.draft.activeMs) })}</span>
        {submission.referable && <ReferDialog submissionId={submission.submissionId} />}
      </p>
      <ReferralStrip submissionId={submission.submissionId} />
      {submission.decision && (
        <div className="decision-banner" role="status">
          {t('decision.recorded', { outcome: t(`decision.outcomes.${submission.decision.outcome}`) })} <UndoButton decision={submission.decision} onUndo={onUndo} />
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error(t)}{' '}
          <button type="button" onClick={onDismissError}>
            {t('common.dismiss')}
          </button>
        </p>
      )}
    </header>
  );
}
