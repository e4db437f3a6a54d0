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
