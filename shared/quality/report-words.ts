// The calibration report's words in each language the workstation speaks. Core writes the PDF, and
// core has no catalogue of its own: these are the report's, kept beside the figures they describe.

import { interfaceLocales } from '../domain/locales';

export const reportLocales = interfaceLocales;
export type ReportLocale = (typeof reportLocales)[number];

export interface ReportWords {
  title: (credential: string) => string;
  generated: (when: string, synced: string) => string;
  never: string;
  rule: (share: string, levels: number) => string;
  noRule: string;
  assessorsTitle: string;
  assessor: string;
  exact: string;
  adjacent: string;
  kappa: string;
  flags: string;
  evidence: string;
  belowRule: string;
  tooFarOff: (levels: number) => string;
  fewPairs: (n: number) => string;
  severityTitle: string;
  severityExplain: string;
  severity: string;
  uncertainty: string;
  fit: string;
  harsher: (levels: string) => string;
  lenient: (levels: string) => string;
  average: string;
  unknown: string;
  severityChart: string;
  criteriaTitle: string;
  criterion: string;
  alpha: string;
  weeksTitle: string;
  weekOf: string;
  weeksChart: string;
  confusionTitle: string;
  confusionExplain: string;
  master: string;
  page: (page: number, pages: number) => string;
}

export const reportWords: Record<ReportLocale, ReportWords> = {
  en: {
    title: (credential) => `Calibration report: ${credential}`,
    generated: (when, synced) => `Generated ${when} from the data synced ${synced}.`,
    never: 'never',
    rule: (share, levels) => `Qualification rule: at least ${share} exact agreement with the master, no criterion more than ${levels} level(s) off.`,
    noRule: 'No qualification rule.',
    assessorsTitle: 'Assessors against the master',
    assessor: 'Assessor',
    exact: 'Exact',
    adjacent: 'Within one level',
    kappa: 'Weighted kappa',
    flags: 'Flags',
    evidence: "Master's evidence cited",
    belowRule: 'Below the exact-agreement rule',
    tooFarOff: (levels) => `More than ${levels} level(s) off`,
    fewPairs: (n) => `only ${n} pairs: read with care`,
    severityTitle: 'Severity, accounting for who scored what',
    severityExplain: 'Many-facet Rasch model: positive is harsher than the average assessor, in rubric levels.',
    severity: 'Severity',
    uncertainty: '±',
    fit: 'Infit / outfit',
    harsher: (levels) => `${levels} levels harsher`,
    lenient: (levels) => `${levels} levels more lenient`,
    average: 'about average',
    unknown: 'too few ratings to tell',
    severityChart: 'Severity in rubric levels (bars), with its uncertainty (lines)',
    criteriaTitle: 'Criteria',
    criterion: 'Criterion',
    alpha: 'Alpha (all raters)',
    weeksTitle: 'Agreement by week',
    weekOf: 'Week of',
    weeksChart: 'Exact (solid) and within-one-level (dashed) agreement, week by week',
    confusionTitle: 'Confusion matrices',
    confusionExplain: "Master's level in rows, the assessors' in columns.",
    master: 'Master',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  es: {
    title: (credential) => `Informe de calibración: ${credential}`,
    generated: (when, synced) => `Generado el ${when} con los datos sincronizados el ${synced}.`,
    never: 'nunca',
    rule: (share, levels) => `Regla de habilitación: al menos ${share} de acuerdo exacto con el maestro, ningún criterio a más de ${levels} nivel(es).`,
    noRule: 'Sin regla de habilitación.',
    assessorsTitle: 'Evaluadores frente al maestro',
    assessor: 'Evaluador',
    exact: 'Exacto',
    adjacent: 'A un nivel',
    kappa: 'Kappa ponderado',
    flags: 'Alertas',
    evidence: 'Evidencia del maestro citada',
    belowRule: 'Por debajo de la regla de acuerdo exacto',
    tooFarOff: (levels) => `A más de ${levels} nivel(es)`,
    fewPairs: (n) => `solo ${n} pares: leer con cautela`,
    severityTitle: 'Severidad, teniendo en cuenta quién evaluó qué',
    severityExplain: 'Modelo de Rasch de múltiples facetas: positivo es más severo que el evaluador promedio, en niveles de la rúbrica.',
    severity: 'Severidad',
    uncertainty: '±',
    fit: 'Infit / outfit',
    harsher: (levels) => `${levels} niveles más severo`,
    lenient: (levels) => `${levels} niveles más indulgente`,
    average: 'cerca del promedio',
    unknown: 'muy pocas evaluaciones para saberlo',
    severityChart: 'Severidad en niveles de la rúbrica (barras), con su incertidumbre (líneas)',
    criteriaTitle: 'Criterios',
    criterion: 'Criterio',
    alpha: 'Alfa (todos los evaluadores)',
    weeksTitle: 'Acuerdo por semana',
    weekOf: 'Semana del',
    weeksChart: 'Acuerdo exacto (continuo) y a un nivel (discontinuo), semana a semana',
    confusionTitle: 'Matrices de confusión',
    confusionExplain: 'Nivel del maestro en filas, el de los evaluadores en columnas.',
    master: 'Maestro',
    page: (page, pages) => `Página ${page} de ${pages}`,
  },
};
