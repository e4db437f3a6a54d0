import type { QueryClient } from '@tanstack/react-query';
import type { Preferences } from '../../../shared/contract/methods';
import { defineMutation } from '../data/contract-mutation';
import { queryKeyOf } from '../data/contract-reads';
import { readAgain } from '../data/core-events';
import { patchSubmission } from '../submission/submission-cache';

export const preferencesKey = queryKeyOf('preferences.get', {});

/**
 * A write that brings a batch here (a claim, a calibration set, a master batch) answers once the
 * batch list has it: the caller then chooses the batch, and the queue shows it at once rather than
 * the batch before it, where a keypress meant for the new work would land.
 */
export const readBatchesAgain = (queries: QueryClient): Promise<void> => readAgain(queries, { queryKey: ['workspace.summary'] });

/** Shows a preference without saving it (while dragging, or what core already saved itself). */
export function showPreferences(queries: QueryClient, patch: Preferences): void {
  queries.setQueryData<Preferences>(preferencesKey, (current) => ({ ...current, ...patch }));
}

/** Saved durably in core; the screen follows at once, not when core answers. */
export const savePreferences = defineMutation('preferences.set', { onSend: (queries, { patch }) => showPreferences(queries, patch) });

/** Where playback is, so the submission reopens there (nothing on screen depends on the answer). */
export const savePlayback = defineMutation('draft.setPlayback');

/** A slice of time on task; core answers with the submission's total. */
export const addActiveTime = defineMutation('draft.addActiveTime', {
  onAnswer: (queries, { activeMs }, { submissionId }) => patchSubmission(queries, submissionId, (current) => ({ ...current, draft: { ...current.draft, activeMs } })),
});
