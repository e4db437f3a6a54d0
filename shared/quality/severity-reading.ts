// How a rater's severity reads in words, the same on the dashboard and in the report: the figure is
// always said (so the words never contradict the bar or the weekly figures beside them), and whether
// it stands out from its own uncertainty.

/** A severity in rubric levels with its standard error, also in levels. */
export type SeverityReading =
  /** The uncertainty is a level or more: nothing a lead could act on. */
  | { kind: 'unknown' }
  /** Zero once rounded to a tenth of a level. */
  | { kind: 'average' }
  /** Harsher (positive) or more lenient (negative) than the average assessor, by `levels`; `clear`: by more than its uncertainty. */
  | { kind: 'harsher' | 'lenient'; levels: number; clear: boolean };

export function readSeverity(levels: number, seLevels: number): SeverityReading {
  if (!Number.isFinite(seLevels) || seLevels >= 1) return { kind: 'unknown' };
  if (Math.abs(levels) < 0.05) return { kind: 'average' };
  return { kind: levels > 0 ? 'harsher' : 'lenient', levels: Math.abs(levels), clear: Math.abs(levels) > seLevels };
}
