import { describe, expect, it } from 'vitest';
import { evaluatePassRule } from '../../shared/domain/pass-rule';
import type { RubricVersion } from '../../shared/domain/rubric';

const levels = [1, 2, 3, 4].map((level) => ({ level, label: `L${level}`, descriptor: `level ${level}` }));
const rubric = (passRule: RubricVersion['passRule'], passingOverride: number | null = null): RubricVersion => ({
  id: 'r1',
  credentialId: 'c1',
  version: 1,
  passRule,
  components: [
    { id: 'p1', title: 'Part 1', description: '', criteria: [{ id: 'a', title: 'A', description: '', passingLevel: null, levels }] },
    {
      id: 'p2',
      title: 'Part 2',
      description: '',
      criteria: [
        { id: 'b', title: 'B', description: '', passingLevel: passingOverride, levels },
        { id: 'c', title: 'C', description: '', passingLevel: null, levels },
      ],
    },
  ],
});
const strict = { passingLevel: 3, maxCriteriaBelowPassing: 0, minimumTotal: null };

describe('pass rule', () => {
  it('is incomplete until every criterion is scored', () => {
    const result = evaluatePassRule(rubric(strict), { a: 4, b: 4 });
    expect(result.outcome).toBe('incomplete');
    expect(result).toMatchObject({ scoredCount: 2, criteriaCount: 3, maxTotal: 12 });
  });

  it('awards when every criterion reaches the passing level', () => {
    expect(evaluatePassRule(rubric(strict), { a: 3, b: 3, c: 4 }).outcome).toBe('award');
  });

  it('says not yet and lists the criteria below passing, in rubric order', () => {
    const result = evaluatePassRule(rubric(strict), { c: 2, a: 2, b: 3 });
    expect(result.outcome).toBe('not_yet');
    expect(result.belowPassing).toEqual(['a', 'c']);
  });

  it('tolerates the configured number of criteria below passing', () => {
    const lenient = { ...strict, maxCriteriaBelowPassing: 1 };
    expect(evaluatePassRule(rubric(lenient), { a: 2, b: 3, c: 3 }).outcome).toBe('award');
    expect(evaluatePassRule(rubric(lenient), { a: 2, b: 2, c: 3 }).outcome).toBe('not_yet');
  });

  it('requires the minimum total when one is set', () => {
    const withTotal = { ...strict, minimumTotal: 10 };
    expect(evaluatePassRule(rubric(withTotal), { a: 3, b: 3, c: 3 }).outcome).toBe('not_yet');
    expect(evaluatePassRule(rubric(withTotal), { a: 4, b: 3, c: 3 }).outcome).toBe('award');
  });

  it('uses a criterion’s own passing level over the rubric’s', () => {
    expect(evaluatePassRule(rubric(strict, 4), { a: 3, b: 3, c: 3 }).belowPassing).toEqual(['b']);
    expect(evaluatePassRule(rubric(strict, 2), { a: 3, b: 2, c: 3 }).outcome).toBe('award');
  });

  it('treats a cleared score (null) as unscored', () => {
    expect(evaluatePassRule(rubric(strict), { a: 3, b: 3, c: null }).outcome).toBe('incomplete');
  });
});
