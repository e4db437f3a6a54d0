import { describe, expect, it } from 'vitest';
import { formatMediaTime } from '../../shared/format/media-time';

describe('media time', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [192_000, '3:12'],
    [3_599_999, '59:59'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatMediaTime(ms)).toBe(text);
  });
});
