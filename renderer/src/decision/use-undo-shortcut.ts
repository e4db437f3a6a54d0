import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { words } from '../words';
import type { Words } from '../words';

/**
 * The key for Undo (Alt+Shift+U unless remapped): takes back the last decision made in this window,
 * as the toast's Undo does; core refuses once it has left, and the refusal is what the assessor reads.
 */
export function useUndoShortcut(lastDecided: string | null, undo: (submissionId: string) => void, tell: (words: Words) => void): void {
  useShortcutHandlers({
    onAction: (action) => {
      if (action !== 'undoDecision') return false;
      if (lastDecided) undo(lastDecided);
      else tell(words('decision.nothingToUndo'));
      return true;
    },
  });
}
