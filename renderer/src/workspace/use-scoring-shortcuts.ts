import type { ShortcutAction } from '../../../shared/keyboard/keymap';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';

/**
 * What the scoring keys do to the open submission. Each says whether it acted: a key that cannot
 * act now (no recording, a read-only submission) is left to whoever else answers it.
 */
export interface ScoringActions {
  commentAtTime: () => boolean;
  markIn: () => boolean;
  markOut: () => boolean;
  decide: (outcome: 'award' | 'not_yet') => boolean;
  flagForLead: () => boolean;
  stepEvidence: (step: 1 | -1) => boolean;
  showTranscript: () => boolean;
  stepCriterion: (step: 1 | -1) => boolean;
  scoreLevel: (level: number) => boolean;
  writeOverallFeedback: () => boolean;
}

/** The scoring workspace's part of the keymap (playback keys are the player's own, see VideoViewer). */
const scoringKeys: Partial<Record<ShortcutAction, (actions: ScoringActions) => boolean>> = {
  commentAtTime: (actions) => actions.commentAtTime(),
  markIn: (actions) => actions.markIn(),
  markOut: (actions) => actions.markOut(),
  award: (actions) => actions.decide('award'),
  notYet: (actions) => actions.decide('not_yet'),
  flagForLead: (actions) => actions.flagForLead(),
  previousEvidence: (actions) => actions.stepEvidence(-1),
  nextEvidence: (actions) => actions.stepEvidence(1),
  transcript: (actions) => actions.showTranscript(),
  previousCriterion: (actions) => actions.stepCriterion(-1),
  nextCriterion: (actions) => actions.stepCriterion(1),
  overallFeedback: (actions) => actions.writeOverallFeedback(),
};

/** While the workspace is open, the scoring keys act on it (always through its latest actions). */
export function useScoringShortcuts(actions: ScoringActions): void {
  useShortcutHandlers({
    onAction: (action) => scoringKeys[action]?.(actions) ?? false,
    onScoreLevel: (level) => actions.scoreLevel(level),
  });
}
