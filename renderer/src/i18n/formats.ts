import type { i18n } from 'i18next';

/**
 * The `number` and `datetime` formats of the catalogues (`{{count, number}}`,
 * `{{share, number(style: percent; maximumFractionDigits: 0)}}`), each Intl formatter made once per
 * locale and format. i18next's own cache keys on every option of the t() call, its values included, so
 * nearly every call built a new Intl formatter: a third of i18next's time in the end-to-end profile.
 */
const numberOptions = ['style', 'unit', 'unitDisplay', 'currency', 'minimumFractionDigits', 'maximumFractionDigits', 'signDisplay', 'notation'] as const;
const dateTimeOptions = ['dateStyle', 'timeStyle', 'timeZone'] as const;

/** Only the Intl options a format names, never the call's own values. */
function chosen(options: Record<string, unknown> | undefined, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) if (options?.[name] !== undefined) picked[name] = options[name];
  return picked;
}

function cachedBy<F>(make: (locale: string | undefined, options: Record<string, unknown>) => F, names: readonly string[]) {
  const made = new Map<string, F>();
  return (locale: string | undefined, options: Record<string, unknown> | undefined): F => {
    const picked = chosen(options, names);
    const key = `${locale ?? ''}|${JSON.stringify(picked)}`;
    let formatter = made.get(key);
    if (!formatter) made.set(key, (formatter = make(locale, picked)));
    return formatter;
  };
}

/** Replaces i18next's `number` and `datetime` formats with ones cached per locale and format. */
export function installCachedFormats(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) return;
  const numberFormat = cachedBy((locale, options) => new Intl.NumberFormat(locale, options), numberOptions);
  const dateTimeFormat = cachedBy((locale, options) => new Intl.DateTimeFormat(locale, options), dateTimeOptions);
  formatter.add('number', (value: number, locale, options: Record<string, unknown>) => numberFormat(locale, options).format(value));
  formatter.add('datetime', (value: Date | number, locale, options: Record<string, unknown>) => dateTimeFormat(locale, options).format(value));
}
