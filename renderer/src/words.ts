import type { TFunction } from 'i18next';

/**
 * A message kept until it is shown, as the words it needs from the catalogue rather than a finished
 * sentence: worded again at every render, so switching language rewords what is already on screen.
 */
export type Words = (t: TFunction) => string;

/** A sentence of the catalogue with its values. */
export const words =
  (key: string, values?: Record<string, unknown>): Words =>
  (t) =>
    t(key, values);

/** Several messages read as one, in order. */
export const together =
  (...parts: readonly Words[]): Words =>
  (t) =>
    parts.map((part) => part(t)).join(' ');
