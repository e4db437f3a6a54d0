import { describe, expect, it } from 'vitest';
import { backreadProblems, resolutionProblems } from '../../shared/domain/lead-review-check';
import { BackreadVerdict } from '../../shared/hosted-api/backreading';
import { rubric } from './renderer/fixtures';

// What the workstation and the reference server both check of a lead's answer (shared/domain/lead-review-check.ts).

const levels = (a: number, b: number) => [
  { criterionId: 'a', level: a },
  { criterionId: 'b', level: b },
];

describe('a resolution of an adjudication', () => {
  it('stands only with an outcome the pass rule gives for its levels; a flag is not held to the rule', () => {
    expect(resolutionProblems(rubric, { outcome: 'award', scores: levels(3, 4) })).toEqual([]);
    expect(resolutionProblems(rubric, { outcome: 'award', scores: levels(1, 1) })).toEqual([{ path: 'outcome', message: 'The rubric\'s pass rule gives "not_yet" for these levels, not "award".' }]);
    expect(resolutionProblems(rubric, { outcome: 'not_yet', scores: levels(4, 4) }).map((problem) => problem.path)).toEqual(['outcome']);
    expect(resolutionProblems(rubric, { outcome: 'flag', scores: levels(1, 1) })).toEqual([]);
  });

  it('needs every criterion once, on its scale, before the rule is asked', () => {
    expect(resolutionProblems(rubric, { outcome: 'award', scores: [{ criterionId: 'a', level: 3 }] }).map((problem) => problem.path)).toEqual(['scores']);
    expect(resolutionProblems(rubric, { outcome: 'award', scores: levels(3, 9) }).map((problem) => problem.path)).toEqual(['scores.1.level']);
  });
});

describe('a backreading', () => {
  const given = new Map([
    ['a', 3],
    ['b', 4],
  ]);
  it('refuses an override at the assessor’s own level, and takes one at another level or an agreement', () => {
    const verdicts = (level: number) => [
      { criterionId: 'a', verdict: 'agree' as const, level: null },
      { criterionId: 'b', verdict: 'override' as const, level },
    ];
    expect(backreadProblems(rubric, given, verdicts(4)).map((problem) => problem.path)).toEqual(['criteria.1.level']);
    expect(backreadProblems(rubric, given, verdicts(2))).toEqual([]);
  });

  it('takes an override’s note of blanks and zero-width characters for no note (it would weigh on the assessor with no reason given)', () => {
    const verdict = (note: string) => BackreadVerdict.safeParse({ criterionId: 'b', verdict: 'override', level: 2, note }).success;
    expect([verdict('\u200b\u2060 '), verdict('Closed questions at 4:10.')]).toEqual([false, true]);
  });
});
