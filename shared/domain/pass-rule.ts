import type { RubricVersion } from './rubric';
import { allCriteria } from './rubric';

export type CriterionScores = Readonly<Record<string, number | null | undefined>>;

export interface PassRuleResult {
  /** `incomplete` until every criterion has a score. */
  outcome: 'incomplete' | 'award' | 'not_yet';
  scoredCount: number;
  criteriaCount: number;
  total: number;
  maxTotal: number;
  /** Criteria scored below their passing level, in rubric order. */
  belowPassing: string[];
}

export function passingLevelOf(rubric: Pick<RubricVersion, 'passRule'>, criterion: { passingLevel: number | null }): number {
  return criterion.passingLevel ?? rubric.passRule.passingLevel;
}

export function evaluatePassRule(rubric: Pick<RubricVersion, 'components' | 'passRule'>, scores: CriterionScores): PassRuleResult {
  const criteria = allCriteria(rubric);
  let scoredCount = 0;
  let total = 0;
  let maxTotal = 0;
  const belowPassing: string[] = [];
  for (const criterion of criteria) {
    maxTotal += Math.max(...criterion.levels.map((level) => level.level));
    const score = scores[criterion.id];
    if (score === null || score === undefined) continue;
    scoredCount += 1;
    total += score;
    if (score < passingLevelOf(rubric, criterion)) belowPassing.push(criterion.id);
  }
  const complete = scoredCount === criteria.length;
  const rule = rubric.passRule;
  const passes =
    belowPassing.length <= rule.maxCriteriaBelowPassing && (rule.minimumTotal === null || total >= rule.minimumTotal);
  return {
    outcome: complete ? (passes ? 'award' : 'not_yet') : 'incomplete',
    scoredCount,
    criteriaCount: criteria.length,
    total,
    maxTotal,
    belowPassing,
  };
}
