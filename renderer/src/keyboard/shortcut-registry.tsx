import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ShortcutAction } from '../../../shared/keyboard/keymap';
import { usePreferences } from '../workspace/use-preferences';
import { useShortcuts } from './use-shortcuts';

/** What a part of the screen does with shortcuts; true when it handled the key. */
export interface ShortcutHandlers {
  onAction?: (action: ShortcutAction) => boolean;
  onScoreLevel?: (level: number) => boolean;
}

/**
 * The parts of the screen that answer shortcuts, each for its own actions (the app: moving between
 * submissions; the workspace: scoring and comments; the player: playback). The first that handles a
 * key takes it.
 */
class ShortcutRegistry {
  private readonly layers: { readonly current: ShortcutHandlers }[] = [];

  add(layer: { readonly current: ShortcutHandlers }): () => void {
    this.layers.push(layer);
    return () => void this.layers.splice(this.layers.indexOf(layer), 1);
  }

  action(action: ShortcutAction): boolean {
    return this.layers.some((layer) => layer.current.onAction?.(action) ?? false);
  }

  scoreLevel(level: number): boolean {
    return this.layers.some((layer) => layer.current.onScoreLevel?.(level) ?? false);
  }
}

const RegistryContext = createContext<ShortcutRegistry | null>(null);

/** One keydown listener for the window, with the assessor's keymap, asking whoever registered. */
export function ShortcutProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const preferences = usePreferences();
  const registry = useMemo(() => new ShortcutRegistry(), []);
  useShortcuts(preferences.keymap, { onAction: (action) => registry.action(action), onScoreLevel: (level) => registry.scoreLevel(level) }, preferences.ready);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Runs a shortcut's action as if its key had been pressed here (for keys pressed in the other window). */
export function useShortcutDispatch(): Required<ShortcutHandlers> {
  const registry = useContext(RegistryContext);
  return {
    onAction: (action) => registry?.action(action) ?? false,
    onScoreLevel: (level) => registry?.scoreLevel(level) ?? false,
  };
}

/** While this component is mounted it answers these shortcuts, always with its latest handlers. */
export function useShortcutHandlers(handlers: ShortcutHandlers): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => registry?.add(latest), [registry]);
}
