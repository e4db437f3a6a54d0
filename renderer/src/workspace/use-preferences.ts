import { useCallback, useEffect, useState } from 'react';
import type { Preferences } from '../../../shared/contract/methods';
import { mergeKeymap } from '../../../shared/keyboard/keymap';
import type { Keymap } from '../../../shared/keyboard/keymap';
import { useClient } from '../client-context';

export interface LoadedPreferences {
  ready: boolean;
  keymap: Keymap;
  splitRatio: number;
  openSubmissionId: string | null;
  /** Saves durably in core; the local view updates at once. */
  update: (patch: Preferences) => void;
  /** Local only (for dragging); call update to keep it. */
  preview: (patch: Preferences) => void;
}

const defaultSplit = 0.55;

export function usePreferences(): LoadedPreferences {
  const client = useClient();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  useEffect(() => {
    let cancelled = false;
    void client.invoke('preferences.get', {}).then((result) => {
      if (!cancelled) setPreferences(result.ok ? result.value : {});
    });
    return () => {
      cancelled = true;
    };
  }, [client]);
  const preview = useCallback((patch: Preferences) => setPreferences((current) => ({ ...current, ...patch })), []);
  const update = useCallback(
    (patch: Preferences) => {
      preview(patch);
      void client.invoke('preferences.set', { patch });
    },
    [client, preview],
  );
  return {
    ready: preferences !== null,
    keymap: mergeKeymap(preferences?.keymap ?? {}),
    splitRatio: preferences?.splitRatio ?? defaultSplit,
    openSubmissionId: preferences?.openSubmissionId ?? null,
    update,
    preview,
  };
}
