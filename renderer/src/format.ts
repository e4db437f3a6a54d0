import type { TFunction } from 'i18next';
import type { InterfaceLocale } from '../../shared/domain/locales';

/**
 * One formatter per locale and style, made on first use: building an Intl formatter loads locale
 * data and costs far more than formatting, and the queue, header and panels format on every render.
 */
function cached<F>(make: (locale: string) => F): (locale: string) => F {
  const made = new Map<string, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}

const dateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const exactDateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }));
const timeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }));
const shortTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
const dayFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const shortDayFormat = cached((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }));
const percentFormat = cached((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }));
const levelsFormat = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const signedLevelsFormat = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
const coefficientFormat = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
const unitFormats = {
  second: cached((locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' })),
  minute: cached((locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' })),
  hour: cached((locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' })),
};
const unitListFormat = cached((locale) => new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }));
// Written out, not asked of Intl.DisplayNames: its first call cost every page load ~40 ms for two fixed words.
const ownNames: Record<InterfaceLocale, string> = { en: 'English', es: 'español' };
/** A language's name in that language ("English", "español"), for the language picker. */
export const languageName = (locale: InterfaceLocale): string => ownNames[locale];

export function formatDateTime(iso: string, locale: string): string {
  return dateTimeFormat(locale).format(new Date(iso));
}

/** To the second: an audit trail's changes can be moments apart. */
export function formatExactDateTime(iso: string, locale: string): string {
  return exactDateTimeFormat(locale).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return timeFormat(locale).format(new Date(iso));
}

/** To the minute, where the header has little room (the last sync). */
export function formatShortTime(iso: string, locale: string): string {
  return shortTimeFormat(locale).format(new Date(iso));
}

/** A calendar day given as YYYY-MM-DD (a week's Monday, say): the same day whatever the time zone. */
export function formatDay(day: string, locale: string, style: 'medium' | 'short' = 'medium'): string {
  return (style === 'medium' ? dayFormat : shortDayFormat)(locale).format(new Date(day));
}

export function formatBytes(bytes: number, t: TFunction): string {
  const units = [
    ['gigabytes', 1024 ** 3],
    ['megabytes', 1024 ** 2],
    ['kilobytes', 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) return t(`units.${unit}`, { value: Math.round((bytes / size) * 10) / 10 });
  }
  return t('units.bytes', { value: bytes });
}

/** A rough time left ("3 minutes", "1 hour, 5 minutes") in the assessor's language. */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour'): string => unitFormats[name](locale).format(value);
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  return minutes > 0 ? unitListFormat(locale).format([unit(hours, 'hour'), unit(minutes, 'minute')]) : unit(hours, 'hour');
}

export function formatPercent(share: number, locale: string): string {
  return percentFormat(locale).format(share);
}

/** A kappa, alpha or ICC, to three places in the assessor's language ("0.378", "0,378"). */
export function formatCoefficient(value: number, locale: string): string {
  return coefficientFormat(locale).format(value);
}

/** Rubric levels to one place ("0.4", "0,4"; signed: "+0.4", "−0.2"). */
export function formatLevels(value: number, locale: string, signed = false): string {
  return (signed ? signedLevelsFormat : levelsFormat)(locale).format(value);
}
