import { describe, expect, it } from 'vitest';
import { parseByteRange, rangeHeaders } from '../../electron/hosts-shared/byte-range';

describe('byte ranges', () => {
  it.each([
    [undefined, { status: 200, start: 0, end: 999 }],
    ['bytes=0-99', { status: 206, start: 0, end: 99 }],
    ['bytes=500-', { status: 206, start: 500, end: 999 }],
    ['bytes=-100', { status: 206, start: 900, end: 999 }],
    ['bytes=-5000', { status: 206, start: 0, end: 999 }],
    ['bytes=900-5000', { status: 206, start: 900, end: 999 }],
    ['bytes=1000-', { status: 416 }],
    ['bytes=50-10', { status: 416 }],
    ['bytes=-0', { status: 416 }],
    ['bytes=0-1,5-9', { status: 200, start: 0, end: 999 }],
    ['items=0-1', { status: 200, start: 0, end: 999 }],
  ])('%s on 1000 bytes → %j', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it('describes partial content and unsatisfiable ranges', () => {
    expect(rangeHeaders({ status: 206, start: 10, end: 19 }, 1000, 'video/webm')).toMatchObject({
      'content-range': 'bytes 10-19/1000',
      'content-length': '10',
      'content-type': 'video/webm',
      'cache-control': 'no-store',
    });
    expect(rangeHeaders({ status: 416 }, 1000, 'video/webm')).toMatchObject({ 'content-range': 'bytes */1000' });
  });
});
