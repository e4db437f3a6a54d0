import { describe, expect, it } from 'vitest';
import { readSeverity } from '../../shared/quality/severity-reading';

describe('a severity in words', () => {
  it('always carries the figure the bar shows, saying when it is within its uncertainty', () => {
    // The report once said "about average" beside a bar at +0.4: the figure is now always said.
    expect(readSeverity(0.4, 0.5)).toEqual({ kind: 'harsher', levels: 0.4, clear: false });
    expect(readSeverity(0.4, 0.1)).toEqual({ kind: 'harsher', levels: 0.4, clear: true });
    expect(readSeverity(-0.3, 0.1)).toEqual({ kind: 'lenient', levels: 0.3, clear: true });
  });

  it('is average only when the figure rounds to zero, and unknown when the uncertainty is a level or more', () => {
    expect(readSeverity(0.04, 0.2)).toEqual({ kind: 'average' });
    expect(readSeverity(-0.04, 0.2)).toEqual({ kind: 'average' });
    expect(readSeverity(0.8, 1)).toEqual({ kind: 'unknown' });
    expect(readSeverity(0.8, Number.POSITIVE_INFINITY)).toEqual({ kind: 'unknown' });
  });
});
