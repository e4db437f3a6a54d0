import { describe, expect, it } from 'vitest';
import { citedEvidence, compareMoments, momentToleranceMs, sameMoment } from '../../shared/domain/cited-evidence';

const timed = (startMs: number, endMs: number | null = null, evidenceId = 'video') => ({ evidenceId, startMs, endMs });
const page = (at: number, evidenceId = 'work') => ({ evidenceId, page: at, quote: null });

describe('comparing the moments a master and an assessor cite', () => {
  it('counts overlapping ranges, and a point within the tolerance of a range or another point, as the same moment', () => {
    expect(sameMoment(timed(10_000, 30_000), timed(25_000, 40_000))).toBe(true);
    expect(sameMoment(timed(10_000, 30_000), timed(31_000))).toBe(true); // a point is a window around it
    expect(sameMoment(timed(10_000, 30_000), timed(30_000 + 2 * momentToleranceMs))).toBe(false);
    expect(sameMoment(timed(12_000), timed(16_000))).toBe(true);
    expect(sameMoment(timed(12_000), timed(12_000, null, 'other video'))).toBe(false);
    expect(sameMoment(page(2), page(2))).toBe(true);
    expect(sameMoment(page(2), page(3))).toBe(false);
    expect(sameMoment(page(2), timed(2))).toBe(false);
  });

  it('says which of the master’s moments the assessor cited, what they cited besides, and the share', () => {
    const comparison = compareMoments([timed(12_000, 20_000), timed(65_000), page(2)], [timed(14_000), page(3), timed(200_000)]);
    expect(comparison.master.map((item) => item.cited)).toEqual([true, false, false]);
    expect(comparison.extra).toEqual([page(3), timed(200_000)]);
    expect(comparison.overlap).toBeCloseTo(1 / 3);
    expect(compareMoments([], [timed(1000)]).overlap).toBeNull(); // nothing to compare with
  });

  it('takes a criterion’s moments from the comments citing it', () => {
    const comments = [
      { evidenceId: 'video', startMs: 12_000, endMs: 20_000, page: null, quote: null, criterionIds: ['a'] },
      { evidenceId: 'work', startMs: null, endMs: null, page: 2, quote: 'the table', criterionIds: ['a', 'b'] },
      { evidenceId: 'video', startMs: 40_000, endMs: null, page: null, quote: null, criterionIds: [] },
    ];
    expect(citedEvidence(comments, ['a', 'b', 'c'])).toEqual([
      { criterionId: 'a', moments: [timed(12_000, 20_000), { evidenceId: 'work', page: 2, quote: 'the table' }] },
      { criterionId: 'b', moments: [{ evidenceId: 'work', page: 2, quote: 'the table' }] },
    ]);
  });
});
