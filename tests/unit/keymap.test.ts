import { describe, expect, it } from 'vitest';
import { chordOf, defaultKeymap, isSingleCharacterShortcut, mergeKeymap, remap, resolveAction, scoreLevelOf } from '../../shared/keyboard/keymap';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('keymap', () => {
  it.each([
    [key(' '), 'playPause'],
    [key('k'), 'playPause'],
    [key('j'), 'back10'],
    [key('l'), 'forward10'],
    [key('ArrowLeft'), 'back5'],
    [key('ArrowRight'), 'forward5'],
    [key(','), 'previousFrame'],
    [key('.'), 'nextFrame'],
    [key('c'), 'commentAtTime'],
    [key('i'), 'markIn'],
    [key('o'), 'markOut'],
    [key('?', { shiftKey: true }), 'showShortcuts'],
    [key('ArrowDown', { altKey: true }), 'nextSubmission'],
    [key('>', { shiftKey: true }), 'faster'],
  ])('the default for %j is %s', (event, action) => {
    expect(resolveAction(defaultKeymap, chordOf(event)!)).toBe(action);
  });

  it('treats upper and lower case letters alike, but Shift+letter as its own chord', () => {
    expect(chordOf(key('K'))).toBe('K');
    expect(chordOf(key('K', { shiftKey: true }))).toBe('Shift+K');
    expect(resolveAction(defaultKeymap, 'Shift+K')).toBeNull();
  });

  it('ignores lone modifier keys', () => {
    expect(chordOf(key('Shift', { shiftKey: true }))).toBeNull();
    expect(chordOf(key('Control', { ctrlKey: true }))).toBeNull();
  });

  it('reads digits as score levels, only without Ctrl/Alt/Meta', () => {
    expect(scoreLevelOf(key('3'))).toBe(3);
    expect(scoreLevelOf(key('3', { ctrlKey: true }))).toBeNull();
    expect(scoreLevelOf(key('x'))).toBeNull();
  });

  it('knows which shortcuts are single characters (never while typing, WCAG 2.1.4)', () => {
    expect(isSingleCharacterShortcut('K')).toBe(true);
    expect(isSingleCharacterShortcut('Shift+K')).toBe(true);
    expect(isSingleCharacterShortcut('?')).toBe(true);
    expect(isSingleCharacterShortcut('Alt+ArrowDown')).toBe(false);
    expect(isSingleCharacterShortcut('Ctrl+Shift+K')).toBe(false);
  });

  it('remaps an action, refusing digits, reserved keys and chords another action holds', () => {
    const moved = remap(defaultKeymap, 'commentAtTime', 'Alt+C');
    expect(moved.ok && moved.keymap.commentAtTime).toEqual(['Alt+C']);
    expect(moved.ok && resolveAction(moved.keymap, 'C')).toBeNull();
    expect(remap(defaultKeymap, 'commentAtTime', '3')).toEqual({ ok: false, reason: 'reserved' });
    expect(remap(defaultKeymap, 'commentAtTime', 'Tab')).toEqual({ ok: false, reason: 'reserved' });
    expect(remap(defaultKeymap, 'commentAtTime', 'J')).toEqual({ ok: false, reason: 'taken', takenBy: 'back10' });
    expect(remap(defaultKeymap, 'back10', 'J').ok).toBe(true);
  });

  it('merges saved overrides over the defaults and drops junk', () => {
    const merged = mergeKeymap({ commentAtTime: ['Alt+C'], back10: [], nonsense: ['X'], forward10: [42 as unknown as string] });
    expect(merged.commentAtTime).toEqual(['Alt+C']);
    expect(merged.back10).toEqual(defaultKeymap.back10);
    expect(merged.forward10).toEqual(defaultKeymap.forward10);
  });
});
