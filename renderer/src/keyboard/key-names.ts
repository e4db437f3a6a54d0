import type { TFunction } from 'i18next';

const named = new Set(['Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Escape', 'Enter', 'Shift', 'Ctrl', 'Alt', 'Meta', 'Home', 'End', 'Tab', 'Backspace', 'Delete']);

/** A chord as the assessor reads it, in their language ("Alt+↓", "Mayús+Q", "Espacio"). */
export function describeChord(chord: string, t: TFunction): string {
  // "Ctrl++" is Ctrl and the plus key: split on the separators only.
  const parts = chord.endsWith('++') ? [...chord.slice(0, -2).split('+'), '+'] : chord.split('+');
  return parts.map((part) => (named.has(part) ? t(`keys.${part}`) : part)).join('+');
}
