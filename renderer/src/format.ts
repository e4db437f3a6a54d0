import type { TFunction } from 'i18next';

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso));
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
  const unit = (value: number, name: 'second' | 'minute' | 'hour'): string => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  return minutes > 0 ? new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format([unit(hours, 'hour'), unit(minutes, 'minute')]) : unit(hours, 'hour');
}

export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
