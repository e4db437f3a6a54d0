/** Where the assessor is on the rubric when a comment is made. */
export interface RubricFocus {
  /** The criteria in rubric order. */
  readonly criterionIds: readonly string[];
  /** The position of the criterion in focus. */
  readonly activeIndex: number;
  /** The criterion scored last, if any. */
  readonly lastScoredId: string | null;
}

/**
 * Which criterion a new comment is about: the one asked for (the checklist's "Cite"), else the one
 * just scored while the focus is on it or the next (scoring moves the focus on, but the assessor
 * comments on what they just scored), else the one in focus. Null for a rubric without criteria.
 */
export function criterionOfNewComment(focus: RubricFocus, askedFor: string | null = null): string | null {
  if (askedFor !== null) return askedFor;
  const lastScored = focus.lastScoredId === null ? -1 : focus.criterionIds.indexOf(focus.lastScoredId);
  const justScored = lastScored >= 0 && (focus.activeIndex === lastScored || focus.activeIndex === lastScored + 1);
  return focus.criterionIds[justScored ? lastScored : focus.activeIndex] ?? null;
}
