import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../data/contract-query';
import { UndoButton } from './UndoButton';

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
  if (!decision) return null;
  return (
    <div className="toast" role="status">
      {t('decision.queued', { label, outcome: t(`decision.outcomes.${decision.outcome}`) })} <UndoButton decision={decision} onUndo={onUndo} />
      {note && ` ${note}`}
      <button type="button" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
