import { describe, expect, it } from 'vitest';
import { hiddenControlsMessage, invisibleTextMessage, plainText, requiredText, withoutHiddenControls } from '../../shared/domain/text';

describe('free text someone else reads', () => {
  const plain = plainText(100);
  const required = requiredText(100);

  it('refuses control characters and bidirectional embeddings, overrides and isolates, saying which', () => {
    for (const text of ['a\u0000b', 'bell\u0007', 'esc\u001B[31m', 'del\u007F', 'c1\u0085', 'Fine \u202Eevil', 'embed\u202A', 'iso\u2066late\u2069']) {
      const result = plain.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(hiddenControlsMessage);
    }
  });

  it('takes line breaks, tabs, right-to-left text and its marks, emoji and accents', () => {
    for (const text of ['Line one\nline two\r\n\ttabbed', 'العربية\u200F and עברית\u200E', 'Ça va 👍🏽', '']) expect(plain.safeParse(text).success).toBe(true);
  });

  it('asks text that must say something for a visible character', () => {
    for (const text of ['', '   ', '\u200B\u200B', '\u2060\uFEFF', '\u00AD']) {
      const result = required.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(expect.arrayContaining([text.trim() === '' ? expect.any(String) : invisibleTextMessage]) as unknown);
    }
    expect(required.safeParse(' Does a peer explanation count? ').data).toBe('Does a peer explanation count?');
  });

  it('drops the refused characters from what is typed or pasted, and nothing that shows', () => {
    expect(withoutHiddenControls('Fine \u202Eevil\u202C text\u0000')).toBe('Fine evil text');
    expect(withoutHiddenControls('العربية\u200F\nline\ttab')).toBe('العربية\u200F\nline\ttab');
    expect(plain.safeParse(withoutHiddenControls('a\u2066b\u2069c')).success).toBe(true);
  });
});
