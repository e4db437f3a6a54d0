import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, Preferences } from '../../../shared/contract/methods';
import { mergeKeymap } from '../../../shared/keyboard/keymap';
import type { Keymap } from '../../../shared/keyboard/keymap';
import { useContractMutation } from '../data/contract-mutation';
import { useContractQuery } from '../data/contract-query';
import { savePreferences, showPreferences } from './mutations';
import { defaultUndoWindowSeconds } from '../../../shared/domain/decision';
import type { InterfaceLocale } from '../../../shared/domain/locales';

export interface LoadedPreferences {
  ready: boolean;
  keymap: Keymap;
  splitRatio: number;
  openSubmissionId: string | null;
  undoWindowSeconds: number;
  /** The interface language chosen, once one was (see useKeptLocale). */
  locale: InterfaceLocale | null;
  /** Saves durably in core; the screen follows at once. */
  update: (patch: PreferencesPatch) => void;
  /** Shows a value without saving it (while dragging). */
  show: (patch: Preferences) => void;
}

type PreferencesPatch = MethodInput<'preferences.set'>['patch'];

/** The evidence's share of the workspace: with the queue beside it, the video takes more than half the window. */
const defaultSplit = 0.7;

export function usePreferences(): LoadedPreferences {
  const queries = useQueryClient();
  const preferences = useContractQuery('preferences.get', {});
  const { mutate: save } = useContractMutation(savePreferences);
  const value = preferences.state === 'ready' ? preferences.value : null;
  const show = useCallback((patch: Preferences) => showPreferences(queries, patch), [queries]);
  const update = useCallback((patch: PreferencesPatch) => save({ patch }), [save]);
  return {
    ready: preferences.state !== 'loading',
    keymap: mergeKeymap(value?.keymap ?? {}),
    splitRatio: value?.splitRatio ?? defaultSplit,
    openSubmissionId: value?.openSubmissionId ?? null,
    undoWindowSeconds: value?.undoWindowSeconds ?? defaultUndoWindowSeconds,
    locale: value?.locale ?? null,
    update,
    show,
  };
}
