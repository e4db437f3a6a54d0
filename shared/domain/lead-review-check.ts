import { scoreProblems } from './decision-check';
import type { FieldProblem } from './decision-check';
import { evaluatePassRule } from './pass-rule';
import type { RubricVersion } from './rubric';
import type { DecisionOutcome } from './submission';

// What a lead's answer to an assessor's work must hold, checked alike by the workstation before it
// queues the answer and by the server when it arrives: a resolution that stands for the submission,
// a backreading whose overrides override something.

interface ResolutionLike {
  outcome: DecisionOutcome;
  scores: readonly { criterionId: string; level: number }[];
}

/**
 * A resolution of an adjudication: every criterion at a level of its scale, and an award or "not yet"
 * that the rubric's pass rule gives for those levels (it becomes the decision that stands, and the
 * appeal is answered from it). A flag sends the submission on unscored by the rule.
 */
export function resolutionProblems(rubric: Pick<RubricVersion, 'components' | 'passRule'>, resolution: ResolutionLike): FieldProblem[] {
  const problems = scoreProblems(rubric, resolution.scores, 'scores', { everyCriterion: true, levelRequired: true });
  if (problems.length > 0 || resolution.outcome === 'flag') return problems;
  const ruleSays = passRuleOutcome(rubric, resolution.scores);
  return ruleSays === resolution.outcome ? [] : [{ path: 'outcome', message: `The rubric's pass rule gives "${ruleSays}" for these levels, not "${resolution.outcome}".` }];
}

/** What the pass rule gives for a full set of levels. */
export function passRuleOutcome(rubric: Pick<RubricVersion, 'components' | 'passRule'>, scores: readonly { criterionId: string; level: number }[]): 'incomplete' | 'award' | 'not_yet' {
  return evaluatePassRule(rubric, Object.fromEntries(scores.map((score) => [score.criterionId, score.level]))).outcome;
}

interface VerdictLike {
  criterionId: string;
  verdict: 'agree' | 'override';
  level: number | null;
}

/**
 * A backreading: a verdict on every criterion of the rubric, an override's level on the criterion's
 * scale and other than the level the assessor gave (the same level is an agreement: counted as an
 * override it would weigh on the assessor's accuracy and lockout for nothing).
 */
export function backreadProblems(rubric: Pick<RubricVersion, 'components'>, given: ReadonlyMap<string, number | null>, verdicts: readonly VerdictLike[]): FieldProblem[] {
  const problems = scoreProblems(rubric, verdicts, 'criteria', { everyCriterion: true });
  verdicts.forEach((item, index) => {
    if (item.verdict === 'override' && item.level !== null && item.level === given.get(item.criterionId)) {
      problems.push({ path: `criteria.${index}.level`, message: `${item.criterionId}: the override gives the assessor's own level (${item.level}); agree instead, or choose another level.` });
    }
  });
  return problems;
}
