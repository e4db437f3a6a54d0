import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, Preferences } from '../../../shared/contract/methods';
import { mergeKeymap } from '../../../shared/keyboard/keymap';
import type { Keymap } from '../../../shared/keyboard/keymap';
import { useClient } from '../client-context';
import { useContractQuery } from '../data/contract-query';
import { queryKeyOf } from '../data/contract-reads';

export interface LoadedPreferences {
  ready: boolean;
  keymap: Keymap;
  splitRatio: number;
  openSubmissionId: string | null;
  undoWindowSeconds: number;
  /** Saves durably in core; the screen follows at once. */
  update: (patch: PreferencesPatch) => void;
  /** Shows a value without saving it (while dragging, or what core already saved itself). */
  show: (patch: Preferences) => void;
}

type PreferencesPatch = MethodInput<'preferences.set'>['patch'];

const preferencesKey = queryKeyOf('preferences.get', {});
/** The evidence's share of the workspace: with the queue beside it, the video takes more than half the window. */
const defaultSplit = 0.7;
const defaultUndoWindowSeconds = 10;

export function usePreferences(): LoadedPreferences {
  const client = useClient();
  const queries = useQueryClient();
  const preferences = useContractQuery('preferences.get', {});
  const value = preferences.state === 'ready' ? preferences.value : null;
  const show = useCallback((patch: Preferences) => queries.setQueryData<Preferences>(preferencesKey, (current) => ({ ...current, ...patch })), [queries]);
  const update = useCallback(
    (patch: PreferencesPatch) => {
      show(patch);
      void client.invoke('preferences.set', { patch });
    },
    [client, show],
  );
  return {
    ready: preferences.state !== 'loading',
    keymap: mergeKeymap(value?.keymap ?? {}),
    splitRatio: value?.splitRatio ?? defaultSplit,
    openSubmissionId: value?.openSubmissionId ?? null,
    undoWindowSeconds: value?.undoWindowSeconds ?? defaultUndoWindowSeconds,
    update,
    show,
  };
}
