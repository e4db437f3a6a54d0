import { describe, expect, it } from 'vitest';
import { cueAt, parseWebVtt } from '../../shared/format/webvtt';

describe('WebVTT captions', () => {
  it('reads cues with and without identifiers, hours, settings and markup, skipping notes and styles', () => {
    const source = [
      '\uFEFFWEBVTT - classroom',
      '',
      'NOTE recorded in period 3',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:06.500 align:start line:90%',
      '<v Teacher>Who has heard the words <i>credit score</i>?',
      '',
      '01:00:07.250 --> 01:00:13.000',
      'Two lines',
      'of speech &amp; more',
      '',
    ].join('\r\n');
    expect(parseWebVtt(source)).toEqual([
      { startMs: 1_000, endMs: 6_500, text: 'Teacher: Who has heard the words credit score?' },
      { startMs: 3_607_250, endMs: 3_613_000, text: 'Two lines of speech & more' },
    ]);
  });

  it('skips cues it cannot read and refuses a file that is not WebVTT', () => {
    expect(parseWebVtt('WEBVTT\n\n00:05.000 --> 00:01.000\nbackwards\n\nnot a time --> 00:02.000\nbroken\n\n00:03.000 --> 00:04.000\nkept')).toEqual([
      { startMs: 3_000, endMs: 4_000, text: 'kept' },
    ]);
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT, not VTT')).toEqual([]);
  });

  it('finds the cue at a moment, holding the last one through a pause', () => {
    const cues = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:05.000 --> 00:06.000\nb');
    expect([0, 1_000, 3_000, 5_500, 9_000].map((ms) => cueAt(cues, ms))).toEqual([-1, 0, 0, 1, 1]);
  });
});
