import { useState } from 'react';
import { criterionOfNewComment } from '../../../shared/domain/comment-criterion';
import type { Criterion } from '../../../shared/domain/rubric';

export interface RubricFocus {
  /** The criterion in focus, by position in rubric order. */
  activeIndex: number;
  /** Bumped when the keyboard or the checklist moves the focus, so the card takes it. */
  focusRequest: number;
  /** The pointer chose a criterion (the focus is already there). */
  activate: (index: number) => void;
  jumpTo: (index: number) => void;
  /** One criterion down or up, staying within the rubric; false for a rubric without criteria. */
  step: (step: 1 | -1) => boolean;
  /** A score was given: the focus moves on, and a comment made next is about the one scored. */
  scored: (criterionId: string) => void;
  /** The criterion a comment made now is about (see criterionOfNewComment). */
  commentCriterion: (askedFor?: string) => string | null;
}

/** Where the assessor is on the rubric. */
export function useRubricFocus(criteria: readonly Criterion[]): RubricFocus {
  const [activeIndex, setActiveIndex] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [lastScoredId, setLastScoredId] = useState<string | null>(null);
  const jumpTo = (index: number): void => {
    setActiveIndex(index);
    setFocusRequest((current) => current + 1);
  };
  const step = (by: 1 | -1): boolean => {
    if (criteria.length === 0) return false;
    setActiveIndex((current) => Math.max(0, Math.min(criteria.length - 1, current + by)));
    setFocusRequest((current) => current + 1);
    return true;
  };
  return {
    activeIndex,
    focusRequest,
    activate: setActiveIndex,
    jumpTo,
    step,
    scored: setLastScoredId,
    commentCriterion: (askedFor) => criterionOfNewComment({ criterionIds: criteria.map((criterion) => criterion.id), activeIndex, lastScoredId }, askedFor ?? null),
  };
}
