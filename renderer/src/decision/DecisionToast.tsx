import * as Toast from '@radix-ui/react-toast';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionSummary } from '../../../shared/domain/decision';
import { useContractQuery } from '../data/contract-query';
import { UndoButton } from './UndoButton';

/** How long the toast stays once there is nothing left to do with it. */
const afterLeavingMs = 5000;
/** A decision that waits without a countdown (the demo's never leave; signed out, they wait for sync). */
const withoutCountdownMs = 10_000;

/** When the toast should go: never while Undo counts down; soon after the decision left or was undone. */
function expiresInMs(decision: DecisionSummary | null, loaded: boolean): number | null {
  if (!loaded) return null;
  if (!decision) return 0;
  if (!decision.undoable) return afterLeavingMs;
  return decision.leavesAt ? null : withoutCountdownMs;
}

interface Props {
  submissionId: string;
  label: string;
  /** Said after it (the batch is done). */
  note: string | null;
  onUndo: () => void;
  /** Dismissed by the assessor, or expired. */
  onDismiss: () => void;
}

/**
 * After a decision: what was decided, and Undo with the seconds left before it leaves for the
 * server. It reads the decision it describes, so once the decision has begun to leave, Undo is gone
 * and the toast soon with it.
 */
export function DecisionToast({ submissionId, label, note, onUndo, onDismiss }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const submission = useContractQuery('submission.open', { submissionId });
  const detail = submission.state === 'ready' ? submission.value : null;
  const decision = detail?.decision ?? null;
  const expiresIn = expiresInMs(decision, submission.state === 'ready');
  useEffect(() => {
    if (expiresIn === null) return;
    const timer = setTimeout(onDismiss, expiresIn);
    return () => clearTimeout(timer);
  }, [expiresIn, onDismiss]);
  if (!decision) return null;
  return (
    // Its own timers decide when it goes (tied to the decision's state), so Radix's never runs out.
    <Toast.Root
      className="toast"
      duration={Number.POSITIVE_INFINITY}
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
    >
      <Toast.Description>
        {t(detail?.status === 'kept_here' ? 'decision.keptHere' : 'decision.queued', { label, outcome: t(`decision.outcomes.${decision.outcome}`) })}
        {note && ` ${note}`}
      </Toast.Description>
      <UndoButton decision={decision} onUndo={onUndo} />
      <Toast.Close aria-label={t('common.dismiss')}>×</Toast.Close>
    </Toast.Root>
  );
}
