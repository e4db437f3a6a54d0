import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';
import { installCachedFormats } from './formats';
import { interfaceLocales } from '../../../shared/domain/locales';
import type { InterfaceLocale } from '../../../shared/domain/locales';

export const supportedLocales = interfaceLocales;
export type Locale = InterfaceLocale;
const storageKey = 'assessor.locale';

function initialLocale(): Locale {
  const saved = window.localStorage.getItem(storageKey);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Every UI string comes from these catalogues; numbers and dates are formatted by locale. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: catalogues.en }, es: { translation: catalogues.es } },
    lng: initialLocale(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    // One namespace and dotted keys, said outright: i18next then skips guessing whether each key is a
    // sentence (a tenth of the time every t() took in the profile of the end-to-end run).
    nsSeparator: false,
    keySeparator: '.',
  });
  installCachedFormats(i18next);
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function changeLocale(locale: Locale): Promise<void> {
  window.localStorage.setItem(storageKey, locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
