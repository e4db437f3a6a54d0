import type { EvidenceComment } from './comment';
import { citesEvidence } from './comment';
import { hasVisibleText } from './text';
import { evaluatePassRule } from './pass-rule';
import type { CriterionScores } from './pass-rule';
import type { RubricVersion } from './rubric';
import { allCriteria } from './rubric';
import type { DecisionOutcome } from './submission';

export interface ChecklistItem {
  criterionId: string;
  /** At least one candidate-facing comment linked to this criterion cites evidence. */
  satisfied: boolean;
}

/**
 * Before a "not yet" leaves, every criterion scored below passing must carry candidate-facing
 * feedback that cites evidence. Shown to the assessor as a checklist while they work.
 */
export function notYetChecklist(rubric: Pick<RubricVersion, 'components' | 'passRule'>, scores: CriterionScores, comments: readonly EvidenceComment[]): ChecklistItem[] {
  return evaluatePassRule(rubric, scores).belowPassing.map((criterionId) => ({
    criterionId,
    satisfied: comments.some(
      (comment) => comment.visibility === 'candidate' && comment.criterionIds.includes(criterionId) && citesEvidence(comment) && hasVisibleText(comment.body),
    ),
  }));
}

/**
 * What a decision is judged on: the rubric, the draft's levels and the comments. Core reads it from
 * the database, the renderer has it on screen (an opened submission fits as it is): both judge it here.
 */
export interface ScoringState {
  rubric: Pick<RubricVersion, 'components' | 'passRule'>;
  draft: { scores: readonly { criterionId: string; level: number | null }[] };
  comments: readonly EvidenceComment[];
}

/** The draft's levels by criterion, as the pass rule reads them. */
export function levelsOf(state: Pick<ScoringState, 'draft'>): CriterionScores {
  return Object.fromEntries(state.draft.scores.map((score) => [score.criterionId, score.level]));
}

/** The "not yet" checklist of a scoring state. */
export function checklistOf(state: ScoringState): ChecklistItem[] {
  return notYetChecklist(state.rubric, levelsOf(state), state.comments);
}

/** What stops this decision on this scoring state; empty when it may go. */
export function blockersFor(state: ScoringState, outcome: DecisionOutcome, conditionCode: string | null = null): DecisionBlocker[] {
  return decisionBlockers(state.rubric, levelsOf(state), state.comments, outcome, conditionCode);
}

export type DecisionBlocker =
  | { kind: 'unscored'; criterionIds: string[] }
  | { kind: 'rule_says'; outcome: 'award' | 'not_yet' }
  | { kind: 'uncited'; criterionIds: string[] }
  | { kind: 'condition_code_required' };

/** What stops a decision from being submitted; empty when it may go. Enforced by core, shown by the UI. */
export function decisionBlockers(
  rubric: Pick<RubricVersion, 'components' | 'passRule'>,
  scores: CriterionScores,
  comments: readonly EvidenceComment[],
  outcome: DecisionOutcome,
  conditionCode: string | null,
): DecisionBlocker[] {
  if (outcome === 'flag') return conditionCode ? [] : [{ kind: 'condition_code_required' }];
  const verdict = evaluatePassRule(rubric, scores);
  if (verdict.outcome === 'incomplete') {
    return [{ kind: 'unscored', criterionIds: allCriteria(rubric).map((criterion) => criterion.id).filter((id) => scores[id] === null || scores[id] === undefined) }];
  }
  if (verdict.outcome !== outcome) return [{ kind: 'rule_says', outcome: verdict.outcome }];
  if (outcome === 'not_yet') {
    const uncited = notYetChecklist(rubric, scores, comments).filter((item) => !item.satisfied);
    if (uncited.length > 0) return [{ kind: 'uncited', criterionIds: uncited.map((item) => item.criterionId) }];
  }
  return [];
}

/**
 * A decision a candidate receives (live work, not calibration or master scoring) whose overall
 * feedback is still empty: the workstation asks once before Award or Not yet goes without it.
 */
export function needsOverallFeedback(submission: { mode: string; draft: { overallFeedback: string } }): boolean {
  // Blanks and zero-width characters alone are no feedback (the candidate would read nothing).
  return submission.mode === 'live' && !hasVisibleText(submission.draft.overallFeedback);
}
