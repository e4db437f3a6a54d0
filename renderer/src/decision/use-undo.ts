import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { submissionKey } from '../submission/use-submission';
import { usePreferences } from '../workspace/use-preferences';
import type { Words } from '../words';

/**
 * Takes a decision back (from the toast or the submission's banner): core withdraws it from the
 * outbox and makes the submission the open one; the screen reads it again, editable. Resolves to
 * an error to show, or null.
 */
export function useUndoDecision(): (submissionId: string) => Promise<Words | null> {
  const client = useClient();
  const queries = useQueryClient();
  const { show } = usePreferences();
  return useCallback(
    async (submissionId: string) => {
      const result = await client.invoke('decision.undo', { submissionId });
      await queries.invalidateQueries({ queryKey: submissionKey(submissionId) });
      if (!result.ok) {
        const { error } = result;
        return (t: TFunction) => describeError(error, t);
      }
      show({ openSubmissionId: submissionId }); // core made it the open one
      return null;
    },
    [client, queries, show],
  );
}
