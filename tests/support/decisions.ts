import type { DecisionPayload } from '../../shared/domain/decision';

/** A minimal, valid award for sync tests and benches (what is sent matters less than how often). */
export function minimalAward(submissionId: string, rubricVersionId: string, overall = ''): DecisionPayload {
  return {
    submissionId,
    rubricVersionId,
    outcome: 'award',
    conditionCode: null,
    note: '',
    scores: [],
    comments: [],
    feedback: { overall, components: {} },
    activeMs: 60_000,
    decidedAt: new Date().toISOString(),
    basedOn: null,
  };
}
