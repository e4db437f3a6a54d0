import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../data/contract-query';

/** Whole seconds until `iso` (0 once it has passed), ticking; null without a time. */
function useSecondsUntil(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [iso]);
  return iso === null ? null : Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

interface Props {
  submissionId: string;
  label: string;
  /** Said after it (the batch is done). */
  note: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * After a decision: what was decided, and Undo with the seconds left before it leaves for the
 * server. It reads the decision it describes, so once the decision has begun to leave, Undo is gone.
 */
export function DecisionToast({ submissionId, label, note, onUndo, onDismiss }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const submission = useContractQuery('submission.open', { submissionId });
  const decision = submission.state === 'ready' ? submission.value.decision : null;
  const secondsLeft = useSecondsUntil(decision?.undoable ? decision.leavesAt : null);
  if (!decision) return null;
  return (
    <div className="toast" role="status">
      {t('decision.queued', { label, outcome: t(`decision.outcomes.${decision.outcome}`) })}{' '}
      {decision.undoable ? (
        <button type="button" className="undo" onClick={onUndo}>
          {secondsLeft ? t('decision.undoIn', { seconds: secondsLeft }) : t('decision.undo')}
        </button>
      ) : (
        t('decision.left')
      )}
      {note && ` ${note}`}
      <button type="button" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
