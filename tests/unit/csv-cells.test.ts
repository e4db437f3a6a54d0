import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../shared/format/csv';

describe('CSV cells a spreadsheet cannot run', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['\nplain text after a line feed', `"'\nplain text after a line feed"`],
    ['   =1+1', "'   =1+1"],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
  ])('neutralises %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves ordinary text, numbers and text with formula signs inside it as they are', () => {
    expect(csvCell('Summarises well')).toBe('Summarises well');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('Level 3 - Proficient')).toBe('Level 3 - Proficient');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvDocument([['a,b', 'say "hi"'], ['line\nbreak', 1]])).toBe('"a,b","say ""hi"""\r\n"line\nbreak",1\r\n');
  });
});
