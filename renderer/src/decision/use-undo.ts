import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useContractMutation } from '../data/contract-mutation';
import { failureOf } from '../data/contract-reads';
import { describeFailure } from '../errors';
import type { Words } from '../words';
import { undoDecision } from './mutations';

/**
 * Takes a decision back (from the toast or the submission's banner), resolving once the screen
 * shows it editable again: to an error to show, or null.
 */
export function useUndoDecision(): (submissionId: string) => Promise<Words | null> {
  const { mutateAsync } = useContractMutation(undoDecision);
  return useCallback(
    (submissionId: string) =>
      mutateAsync({ submissionId }).then(
        () => null,
        // Core refuses an undo only when there is nothing left to take back: the decision has left for sync, or was undone already.
        (error: unknown) => (t: TFunction) => (failureOf(error).code === 'conflict' ? t('decision.cannotUndo') : describeFailure(error, t)),
      ),
    [mutateAsync],
  );
}
