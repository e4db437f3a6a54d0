import app from './locales/en.json';
import appEs from './locales/es.json';
import lead from '../lead/locales/en.json';
import leadEs from '../lead/locales/es.json';

// Every UI string, by language: the workstation's catalogue and the lead's (renderer/src/lead/locales:
// its views' words live beside them, so that adding a lead view touches the lead folder only). Their
// sections are distinct (a test holds it), so one catalogue never hides another's words.
export const catalogues = {
  en: { ...app, ...lead },
  es: { ...appEs, ...leadEs },
} as const;
