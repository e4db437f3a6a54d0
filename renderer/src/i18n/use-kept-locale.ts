import { useEffect } from 'react';
import i18next from 'i18next';
import { usePreferences } from '../workspace/use-preferences';
import { changeLocale } from './index';
import type { Locale } from './index';

/**
 * The language the assessor chose, kept by core with their other preferences: the page's own
 * storage only speeds up the first paint (the preview's next start is another origin, whose storage
 * is empty). Returns how to choose another.
 */
export function useKeptLocale(): (locale: Locale) => void {
  const { locale: kept, update } = usePreferences();
  useEffect(() => {
    // Only when what core keeps changes (it loaded, or another window chose): a choice made here is kept first.
    if (kept && kept !== i18next.language) void changeLocale(kept);
  }, [kept]);
  return (locale) => {
    void changeLocale(locale);
    update({ locale });
  };
}
