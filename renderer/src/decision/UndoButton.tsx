import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionSummary } from '../../../shared/domain/decision';

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

/**
 * Undo while the decision may still be taken back, counting down the seconds before it leaves; once
 * it has begun to leave, says so instead.
 */
export function UndoButton({ decision, onUndo }: { decision: DecisionSummary; onUndo: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const secondsLeft = useSecondsUntil(decision.undoable ? decision.leavesAt : null);
  if (!decision.undoable) return <>{t('decision.left')}</>;
  return (
    <button type="button" className="undo" onClick={onUndo}>
      {secondsLeft ? t('decision.undoIn', { seconds: secondsLeft }) : t('decision.undo')}
    </button>
  );
}
