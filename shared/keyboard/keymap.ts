/**
 * Keyboard shortcuts: actions, their default keys (the ones assessors know from video tools), and
 * the pure logic for matching, remapping and guarding them. The renderer owns the DOM side.
 */
export const shortcutActions = [
  'playPause',
  'back10',
  'forward10',
  'back5',
  'forward5',
  'previousFrame',
  'nextFrame',
  'commentAtTime',
  'markIn',
  'markOut',
  'previousCriterion',
  'nextCriterion',
  'previousEvidence',
  'nextEvidence',
  'zoomIn',
  'zoomOut',
  'previousPage',
  'nextPage',
  'commentBank',
  'overallFeedback',
  'markRegion',
  'transcript',
  'focusQueue',
  'toggleQueue',
  'nextUndecided',
  'nextSubmission',
  'previousSubmission',
  'slower',
  'faster',
  'toggleMute',
  'toggleFullscreen',
  'award',
  'notYet',
  'flagForLead',
  'undoDecision',
  'showShortcuts',
] as const;
export type ShortcutAction = (typeof shortcutActions)[number];

/** A key chord as written in the keymap: modifiers in a fixed order, then the key ("Ctrl+Shift+K", "Space", "?"). */
export type Chord = string;
export type Keymap = Record<ShortcutAction, Chord[]>;

export const defaultKeymap: Keymap = {
  playPause: ['Space', 'K'],
  back10: ['J'],
  forward10: ['L'],
  back5: ['ArrowLeft'],
  forward5: ['ArrowRight'],
  previousFrame: [','],
  nextFrame: ['.'],
  commentAtTime: ['C'],
  markIn: ['I'],
  markOut: ['O'],
  previousCriterion: ['ArrowUp'],
  nextCriterion: ['ArrowDown'],
  previousEvidence: ['['],
  nextEvidence: [']'],
  zoomIn: ['+', '='],
  zoomOut: ['-'],
  previousPage: ['PageUp'],
  nextPage: ['PageDown'],
  // Alt+B also from a field being typed in (a comment, the feedback): the bank inserts where the caret was.
  commentBank: ['B', 'Alt+B'],
  overallFeedback: ['Shift+F'],
  markRegion: ['R'],
  transcript: ['T'],
  focusQueue: ['Q'],
  toggleQueue: ['Shift+Q'],
  nextUndecided: ['N'],
  nextSubmission: ['Alt+ArrowDown'],
  previousSubmission: ['Alt+ArrowUp'],
  slower: ['Shift+<'],
  faster: ['Shift+>'],
  toggleMute: ['M'],
  toggleFullscreen: ['F'],
  award: ['Alt+Shift+A'],
  notYet: ['Alt+Shift+N'],
  flagForLead: ['Alt+Shift+F'],
  // Beside the decisions' own keys; Ctrl+Z stays the text fields' undo.
  undoDecision: ['Alt+Shift+U'],
  showShortcuts: ['?'],
};

/** What a key held down may do again and again: move through time, pages, zoom and criteria. Nothing that decides or creates. */
export const repeatableActions: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>(['back10', 'forward10', 'back5', 'forward5', 'previousFrame', 'nextFrame', 'previousCriterion', 'nextCriterion', 'zoomIn', 'zoomOut', 'previousPage', 'nextPage', 'slower', 'faster']);

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Characters that need Shift on common layouts ("?", "<", ">") are matched as typed; Shift is kept
 * in the chord only where the key itself does not already express it, so "?" is "?" and Shift+K is
 * "Shift+K".
 */
export function chordOf(event: KeyLike): Chord | null {
  if (['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Dead', 'Unidentified'].includes(event.key)) return null;
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const isLetter = /^[A-Z]$/.test(key);
  const isSymbol = event.key.length === 1 && !isLetter && !/^[0-9]$/.test(key) && key !== 'Space';
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.metaKey) parts.push('Meta');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && (!isSymbol || key === '<' || key === '>')) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** True for chords with no modifier other than Shift: these must never fire while typing. */
export function isSingleCharacterShortcut(chord: Chord): boolean {
  return !/(^|\+)(Ctrl|Meta|Alt)\+/.test(chord);
}

export function resolveAction(keymap: Keymap, chord: Chord): ShortcutAction | null {
  for (const action of shortcutActions) {
    if (keymap[action].includes(chord)) return action;
  }
  return null;
}

/** Digits always pick a score level on the focused criterion; they cannot be remapped away. */
export function scoreLevelOf(event: KeyLike): number | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return /^[0-9]$/.test(event.key) ? Number(event.key) : null;
}

export type RemapResult = { ok: true; keymap: Keymap } | { ok: false; reason: 'reserved' | 'taken'; takenBy?: ShortcutAction };

/** Binds `chord` to `action` (replacing its keys); refuses digits and chords another action holds. */
export function remap(keymap: Keymap, action: ShortcutAction, chord: Chord): RemapResult {
  if (/^(Shift\+)?[0-9]$/.test(chord) || chord === 'Tab' || chord === 'Escape' || chord === 'Enter') return { ok: false, reason: 'reserved' };
  const holder = resolveAction(keymap, chord);
  if (holder && holder !== action) return { ok: false, reason: 'taken', takenBy: holder };
  return { ok: true, keymap: { ...keymap, [action]: [chord] } };
}

/** Defaults overlaid with the assessor's saved choices, ignoring anything no longer valid. */
export function mergeKeymap(overrides: Partial<Record<string, Chord[]>>): Keymap {
  const merged: Keymap = { ...defaultKeymap };
  for (const action of shortcutActions) {
    const chords = overrides[action];
    if (Array.isArray(chords) && chords.length > 0 && chords.every((chord) => typeof chord === 'string' && chord.length > 0 && chord.length < 40)) {
      merged[action] = chords;
    }
  }
  return merged;
}
