import { describe, expect, it } from 'vitest';
import { composeCandidateFeedback, renderCommentForCandidate } from '../../shared/domain/candidate-feedback';
import type { EvidenceComment } from '../../shared/domain/comment';
import { decisionBlockers, notYetChecklist } from '../../shared/domain/decision-rules';
import type { RubricVersion } from '../../shared/domain/rubric';

const levels = [1, 2, 3, 4].map((level) => ({ level, label: ['Beginning', 'Developing', 'Proficient', 'Exemplary'][level - 1]!, descriptor: `d${level}` }));
const rubric: RubricVersion = {
  id: 'r',
  credentialId: 'c',
  version: 1,
  passRule: { passingLevel: 3, maxCriteriaBelowPassing: 0, minimumTotal: null },
  components: [
    { id: 'p1', title: 'Part 1', description: '', criteria: [{ id: 'a', title: 'A', description: '', passingLevel: null, levels }] },
    { id: 'p2', title: 'Part 2', description: '', criteria: [{ id: 'b', title: 'B', description: '', passingLevel: null, levels }] },
  ],
};
const comment = (overrides: Partial<EvidenceComment>): EvidenceComment => ({
  id: 'c1',
  evidenceId: 'video',
  startMs: 192_000,
  endMs: null,
  page: null,
  quote: null,
  region: null,
  body: 'You model the utilization calculation clearly.',
  tag: 'strength',
  visibility: 'candidate',
  criterionIds: ['a'],
  ...overrides,
});

describe('not-yet checklist', () => {
  it('lists each criterion below passing and whether a candidate-facing comment cites evidence for it', () => {
    const scores = { a: 2, b: 1 };
    expect(notYetChecklist(rubric, scores, [])).toEqual([
      { criterionId: 'a', satisfied: false },
      { criterionId: 'b', satisfied: false },
    ]);
    const cited = [comment({ criterionIds: ['a'] }), comment({ id: 'c2', criterionIds: ['b'], startMs: null, page: 2, quote: 'limit vs balance' })];
    expect(notYetChecklist(rubric, scores, cited).every((item) => item.satisfied)).toBe(true);
  });

  it('does not count internal comments, unlinked comments, or empty ones', () => {
    const scores = { a: 2, b: 4 };
    for (const candidate of [comment({ visibility: 'internal' }), comment({ criterionIds: [] }), comment({ body: '   ' }), comment({ startMs: null, page: 1, quote: null })]) {
      expect(notYetChecklist(rubric, scores, [candidate])).toEqual([{ criterionId: 'a', satisfied: false }]);
    }
  });
});

describe('decision blockers', () => {
  it('blocks award and not yet until every criterion is scored', () => {
    expect(decisionBlockers(rubric, { a: 3 }, [], 'award', null)).toEqual([{ kind: 'unscored', criterionIds: ['b'] }]);
  });
  it('holds the decision to the pass rule', () => {
    expect(decisionBlockers(rubric, { a: 3, b: 3 }, [], 'not_yet', null)).toEqual([{ kind: 'rule_says', outcome: 'award' }]);
    expect(decisionBlockers(rubric, { a: 3, b: 3 }, [], 'award', null)).toEqual([]);
  });
  it('blocks an uncited not yet and lets a cited one go', () => {
    expect(decisionBlockers(rubric, { a: 2, b: 3 }, [], 'not_yet', null)).toEqual([{ kind: 'uncited', criterionIds: ['a'] }]);
    expect(decisionBlockers(rubric, { a: 2, b: 3 }, [comment({})], 'not_yet', null)).toEqual([]);
  });
  it('lets a flag go at any time, but only with a condition code', () => {
    expect(decisionBlockers(rubric, {}, [], 'flag', null)).toEqual([{ kind: 'condition_code_required' }]);
    expect(decisionBlockers(rubric, {}, [], 'flag', 'video_unplayable')).toEqual([]);
  });
});

describe('candidate feedback', () => {
  it('renders pinned comments as “at m:ss — …”, ranges and passages included', () => {
    expect(renderCommentForCandidate(comment({}), 'Classroom video')).toBe('Classroom video, at 3:12 — You model the utilization calculation clearly.');
    expect(renderCommentForCandidate(comment({ startMs: 65_000, endMs: 80_000 }), 'Clip')).toBe('Clip, at 1:05–1:20 — You model the utilization calculation clearly.');
    expect(renderCommentForCandidate(comment({ startMs: null, page: 2, quote: 'limit vs balance', body: 'Clarify.' }), 'Work')).toBe('Work, p. 2 — “limit vs balance” — Clarify.');
    expect(renderCommentForCandidate(comment({}), 'Vídeo', { at: 'en', page: 'pág.', markedArea: 'zona marcada' })).toBe('Vídeo, en 3:12 — You model the utilization calculation clearly.');
  });

  it('shows exactly what the candidate receives: no internal notes, comments in time order under their criteria', () => {
    const feedback = composeCandidateFeedback({
      rubric,
      scores: { a: 2, b: 4 },
      overallFeedback: '  Strong rapport.  ',
      componentFeedback: { p1: 'Make objectives measurable.' },
      comments: [
        comment({ id: 'late', startMs: 300_000, body: 'Later moment.' }),
        comment({ id: 'early', startMs: 10_000, body: 'Early moment.' }),
        comment({ id: 'secret', visibility: 'internal', body: 'Internal only.' }),
        comment({ id: 'general', criterionIds: [], body: 'General note.' }),
      ],
      evidenceTitles: { video: 'Video' },
    });
    expect(feedback.overall).toBe('Strong rapport.');
    expect(feedback.components[0]).toMatchObject({
      title: 'Part 1',
      feedback: 'Make objectives measurable.',
      criteria: [{ criterionId: 'a', levelLabel: 'Developing', notes: ['Video, at 0:10 — Early moment.', 'Video, at 5:00 — Later moment.'] }],
    });
    expect(feedback.components[1]!.criteria[0]).toMatchObject({ levelLabel: 'Exemplary', notes: [] });
    expect(feedback.generalNotes).toEqual(['Video, at 3:12 — General note.']);
    expect(JSON.stringify(feedback)).not.toContain('Internal only');
  });
});
