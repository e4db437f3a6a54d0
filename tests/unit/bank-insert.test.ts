import { describe, expect, it } from 'vitest';
import { insertAt } from '../../shared/format/insert-at';

describe('inserting a snippet at the caret', () => {
  it('puts it where the caret is, set off by spaces from the words it would touch, the caret after it', () => {
    expect(insertAt('Start. End.', 'Middle.', 6, 6)).toEqual({ value: 'Start. Middle. End.', caret: 14 });
    expect(insertAt('', 'Only.', 0, 0)).toEqual({ value: 'Only.', caret: 5 });
    expect(insertAt('Ends here', 'more', 9, 9)).toEqual({ value: 'Ends here more', caret: 14 });
    expect(insertAt('Line one\n', 'Line two', 9, 9)).toEqual({ value: 'Line one\nLine two', caret: 17 });
  });

  it('replaces the selected text', () => {
    expect(insertAt('Keep DROP keep', 'new', 5, 9)).toEqual({ value: 'Keep new keep', caret: 8 });
  });
});
