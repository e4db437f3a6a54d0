import { describe, expect, it } from 'vitest';
import { criterionOfNewComment } from '../../shared/domain/comment-criterion';

const criterionIds = ['c1', 'c2', 'c3'];

describe('the criterion a new comment is about', () => {
  it('is the criterion in focus when nothing was scored', () => {
    expect(criterionOfNewComment({ criterionIds, activeIndex: 1, lastScoredId: null })).toBe('c2');
  });

  it('is the criterion just scored, though scoring moved the focus on to the next', () => {
    expect(criterionOfNewComment({ criterionIds, activeIndex: 1, lastScoredId: 'c1' })).toBe('c1');
    expect(criterionOfNewComment({ criterionIds, activeIndex: 2, lastScoredId: 'c3' })).toBe('c3');
  });

  it('is the criterion in focus once the assessor has moved further than the next one', () => {
    expect(criterionOfNewComment({ criterionIds, activeIndex: 2, lastScoredId: 'c1' })).toBe('c3');
    expect(criterionOfNewComment({ criterionIds, activeIndex: 0, lastScoredId: 'c2' })).toBe('c1');
  });

  it('is the criterion asked for, whatever was scored or is in focus', () => {
    expect(criterionOfNewComment({ criterionIds, activeIndex: 1, lastScoredId: 'c1' }, 'c3')).toBe('c3');
  });

  it('is none for a rubric without criteria, and ignores a scored criterion that is not in it', () => {
    expect(criterionOfNewComment({ criterionIds: [], activeIndex: 0, lastScoredId: null })).toBeNull();
    expect(criterionOfNewComment({ criterionIds, activeIndex: 0, lastScoredId: 'elsewhere' })).toBe('c1');
  });
});
