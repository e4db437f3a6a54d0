import { randomUUID } from 'node:crypto';
import type { DecisionPayload } from '../../shared/domain/decision';
import { evaluatePassRule, passingLevelOf } from '../../shared/domain/pass-rule';
import type { DecisionRequest, SubmissionManifest } from '../../shared/hosted-api/schemas';
import type { RubricVersion } from '../../shared/domain/rubric';
import { allCriteria } from '../../shared/domain/rubric';

/**
 * A minimal, valid award for sync tests and benches (what is sent matters less than how often):
 * every criterion at its passing level, as the rubric's pass rule needs for an award.
 */
export function minimalAward(submissionId: string, rubric: RubricVersion, overall = ''): DecisionPayload {
  return {
    submissionId,
    rubricVersionId: rubric.id,
    outcome: 'award',
    conditionCode: null,
    note: '',
    scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: passingLevelOf(rubric, criterion), rationale: '' })),
    comments: [],
    feedback: { overall, components: {} },
    activeMs: 60_000,
    decidedAt: new Date().toISOString(),
    basedOn: null,
  };
}

/**
 * A decision the hosted API accepts for these levels: the outcome the rubric's pass rule gives, and
 * for a "not yet" a candidate comment citing the first evidence item for each criterion below passing.
 */
export function decisionFor(manifest: Pick<SubmissionManifest, 'rubric' | 'evidence'>, level: (criterionId: string) => number, extra: Partial<DecisionRequest> = {}): DecisionRequest {
  const scores = allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, level: level(criterion.id), rationale: 'Seen in the evidence.' }));
  const verdict = evaluatePassRule(manifest.rubric, Object.fromEntries(scores.map((score) => [score.criterionId, score.level])));
  const evidence = manifest.evidence[0]!;
  const timed = evidence.kind === 'video' || evidence.kind === 'audio';
  const comments = verdict.belowPassing.map((criterionId) => ({
    id: randomUUID(),
    evidenceId: evidence.id,
    startMs: timed ? 1000 : null,
    endMs: null,
    page: timed ? null : 1,
    quote: timed ? null : 'the passage',
    region: null,
    body: `Look again at this for ${criterionId}.`,
    tag: 'growth_area' as const,
    visibility: 'candidate' as const,
    criterionIds: [criterionId],
  }));
  return {
    rubricVersionId: manifest.rubric.id,
    outcome: verdict.outcome === 'not_yet' ? 'not_yet' : 'award',
    conditionCode: null,
    note: '',
    scores,
    comments,
    feedback: { overall: '', components: {} },
    activeMs: 1000,
    decidedAt: new Date().toISOString(),
    basedOn: null,
    ...extra,
  };
}
