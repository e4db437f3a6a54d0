import { anchorProblem } from './comment';
import type { AnchorTarget, EvidenceComment } from './comment';
import { decisionBlockers } from './decision-rules';
import type { RubricVersion } from './rubric';
import { allCriteria } from './rubric';
import type { DecisionOutcome } from './submission';

// What the rubric allows in a decision, a resolution, a review or a calibration answer, field by
// field: the hosted API refuses anything else (422 naming the field). The workstation never sends
// such a thing (core's scoring guards check each edit as it is saved, and decision-rules.ts the
// outcome); the server cannot take that on trust.

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * How far a workstation's clock may run ahead of the server's: a time a client states (when a
 * decision was made, when a change happened) later than the server's now plus this is refused.
 */
export const clockSkewMs = 5 * 60_000;

interface ScoreLike {
  criterionId: string;
  level: number | null;
}

/**
 * Each score names a criterion of the rubric, at most once, on one of that criterion's levels.
 * `everyCriterion`: each criterion must be there (a resolution, a review, master scores).
 */
export function scoreProblems(rubric: Pick<RubricVersion, 'components'>, scores: readonly ScoreLike[], path: string, options: { everyCriterion?: boolean; levelRequired?: boolean } = {}): FieldProblem[] {
  const criteria = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  scores.forEach((score, index) => {
    const criterion = criteria.get(score.criterionId);
    if (!criterion) return problems.push({ path: `${path}.${index}.criterionId`, message: `${score.criterionId} is not a criterion of this rubric.` });
    if (seen.has(score.criterionId)) return problems.push({ path: `${path}.${index}.criterionId`, message: `${score.criterionId} appears more than once.` });
    seen.add(score.criterionId);
    if (score.level === null) {
      if (options.levelRequired) problems.push({ path: `${path}.${index}.level`, message: `${score.criterionId} needs a level.` });
      return;
    }
    if (!criterion.levels.some((level) => level.level === score.level)) {
      const scale = criterion.levels.map((level) => level.level).sort((a, b) => a - b);
      problems.push({ path: `${path}.${index}.level`, message: `${score.level} is not a level of ${score.criterionId} (its levels are ${scale.join(', ')}).` });
    }
  });
  if (options.everyCriterion) {
    const missing = [...criteria.keys()].filter((id) => !seen.has(id));
    if (missing.length > 0) problems.push({ path, message: `Every criterion of the rubric needs its own entry; missing: ${missing.join(', ')}.` });
  }
  return problems;
}

/** Each comment cites evidence of this submission (anchored as that item allows) and criteria of this rubric, with its own id. */
export function commentProblems(rubric: Pick<RubricVersion, 'components'>, evidence: ReadonlyMap<string, AnchorTarget>, comments: readonly EvidenceComment[], path: string): FieldProblem[] {
  const criteria = new Set(allCriteria(rubric).map((criterion) => criterion.id));
  const ids = new Set<string>();
  const problems: FieldProblem[] = [];
  comments.forEach((comment, index) => {
    if (ids.has(comment.id)) problems.push({ path: `${path}.${index}.id`, message: `Comment ${comment.id} appears more than once.` });
    ids.add(comment.id);
    const target = evidence.get(comment.evidenceId);
    if (!target) problems.push({ path: `${path}.${index}.evidenceId`, message: `${comment.evidenceId} is not evidence of this submission.` });
    const anchor = target ? anchorProblem(target, comment) : null;
    if (anchor) problems.push({ path: `${path}.${index}.${anchor.field}`, message: anchor.message });
    comment.criterionIds.forEach((criterionId, at) => {
      if (!criteria.has(criterionId)) problems.push({ path: `${path}.${index}.criterionIds.${at}`, message: `${criterionId} is not a criterion of this rubric.` });
    });
  });
  return problems;
}

/** A time a client states is not later than the server's now, give or take the clock skew. */
export function futureTimeProblem(value: string | null, now: Date, path: string): FieldProblem[] {
  if (value === null || Date.parse(value) <= now.getTime() + clockSkewMs) return [];
  return [{ path, message: `${value} is in the future (more than ${clockSkewMs / 60_000} minutes after the server's clock, ${now.toISOString()}).` }];
}

/** A time a client states about work is not before the work was given to it, give or take the clock skew. */
export function beforeAssignedProblem(value: string | null, assignedAt: string | null, path: string): FieldProblem[] {
  if (value === null || assignedAt === null || Date.parse(value) >= Date.parse(assignedAt) - clockSkewMs) return [];
  return [{ path, message: `${value} is before this submission was assigned (${assignedAt}).` }];
}

export interface DecisionLike {
  outcome: DecisionOutcome;
  conditionCode: string | null;
  scores: readonly ScoreLike[];
  comments: readonly EvidenceComment[];
  feedback: { components: Readonly<Record<string, string>> };
  decidedAt: string;
  basedOn: string | null;
}

/**
 * A decision against the rubric version it names and the submission's evidence: levels on each
 * criterion's scale, each criterion once, comments citing this submission's evidence, feedback for
 * this rubric's components, no time in the future; and the outcome the rubric's pass rule gives
 * (a "not yet" citing evidence for every criterion below passing, a flag with its reason).
 */
export function decisionProblems(rubric: RubricVersion, evidence: ReadonlyMap<string, AnchorTarget>, decision: DecisionLike, now: Date, assignedAt: string | null = null): FieldProblem[] {
  const components = new Set(rubric.components.map((component) => component.id));
  const problems = [
    ...scoreProblems(rubric, decision.scores, 'scores'),
    ...commentProblems(rubric, evidence, decision.comments, 'comments'),
    ...Object.keys(decision.feedback.components)
      .filter((id) => !components.has(id))
      .map((id) => ({ path: `feedback.components.${id}`, message: `${id} is not a component of this rubric.` })),
    ...futureTimeProblem(decision.decidedAt, now, 'decidedAt'),
    ...beforeAssignedProblem(decision.decidedAt, assignedAt, 'decidedAt'),
    ...futureTimeProblem(decision.basedOn, now, 'basedOn'),
  ];
  if (problems.length > 0) return problems;
  const levels = Object.fromEntries(decision.scores.map((score) => [score.criterionId, score.level]));
  return decisionBlockers(rubric, levels, decision.comments, decision.outcome, decision.conditionCode).map((blocker) => ({ path: blocker.kind === 'condition_code_required' ? 'conditionCode' : 'outcome', message: blockerMessage(blocker) }));
}

function blockerMessage(blocker: ReturnType<typeof decisionBlockers>[number]): string {
  switch (blocker.kind) {
    case 'unscored':
      return `Every criterion needs a level before this outcome; unscored: ${blocker.criterionIds.join(', ')}.`;
    case 'rule_says':
      return `The rubric's pass rule gives "${blocker.outcome}" for these levels.`;
    case 'uncited':
      return `A "not yet" needs candidate feedback citing evidence for each criterion below passing; missing for: ${blocker.criterionIds.join(', ')}.`;
    case 'condition_code_required':
      return 'A flag needs its reason (conditionCode).';
  }
}
