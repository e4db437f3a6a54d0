import { z } from 'zod';

// What people write (rationales, comments, feedback, notes, referral questions) is read later by
// someone else: a lead, a candidate, a spreadsheet. Characters that show nothing themselves but change
// what the rest shows are refused, with a message that says which.

/**
 * C0 controls other than tab, line feed and carriage return; DEL; C1 controls; and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make text read in
 * another order than it is stored ("Trojan Source"). The bidi *marks* (U+200E, U+200F, U+061C)
 * stay allowed: right-to-left writers need them and they reorder nothing beyond themselves.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const noHiddenControls = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;
/**
 * At least one character that shows: a letter, digit, punctuation mark or symbol, and not one of the
 * letters and symbols that draw nothing (the Hangul fillers, the blank Braille pattern, the object
 * replacement character). Marks, format and separator characters alone show nothing.
 */
const somethingVisible = /(?![\u115F\u1160\u3164\uFFA0\u2800\uFFFC])[\p{L}\p{N}\p{P}\p{S}]/u;

export const hiddenControlsMessage = 'Remove control characters and bidirectional overrides (U+202A–U+202E, U+2066–U+2069) from this text.';
export const invisibleTextMessage = 'Write something visible: this text is empty or only blanks and zero-width characters.';

/** Free text up to `max` characters (may be empty). */
export const plainText = (max: number) => z.string().max(max).regex(noHiddenControls, hiddenControlsMessage);

/** Free text that must say something: trimmed, at least one visible character. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max).regex(noHiddenControls, hiddenControlsMessage).regex(somethingVisible, invisibleTextMessage);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hiddenControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text without the characters refused here: what a text field keeps of what is typed or pasted
 * (they show nothing themselves, so nothing visible is lost), so that saving never fails on them.
 */
export const withoutHiddenControls = (text: string): string => text.replace(hiddenControls, '');

/** True when the text has a character that shows (not only blanks or zero-width characters). */
export const hasVisibleText = (text: string): boolean => somethingVisible.test(text);

/** True when the text carries none of the refused characters (for text checked outside a schema). */
export const isPlainText = (text: string): boolean => noHiddenControls.test(text);
