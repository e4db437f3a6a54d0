import type { QueryClient } from '@tanstack/react-query';
import type { Preferences } from '../../../shared/contract/methods';
import { defineMutation } from '../data/contract-mutation';
import { queryKeyOf } from '../data/contract-reads';
import { patchSubmission } from '../submission/submission-cache';

export const preferencesKey = queryKeyOf('preferences.get', {});

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
