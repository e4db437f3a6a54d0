// The calibration report's words in each language the workstation speaks. Core writes the PDF, and
// core has no catalogue of its own: these are the report's, kept beside the figures they describe.

import { interfaceLocales } from '../domain/locales';
import type { ReferralReason } from '../hosted-api/referrals';

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
  /** `clear`: by more than its uncertainty; else the figure is said with "not clearly different". */
  harsher: (levels: string, clear: boolean) => string;
  lenient: (levels: string, clear: boolean) => string;
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
  lockoutsTitle: string;
  lockoutsNone: string;
  since: string;
  why: string;
  state: string;
  lockoutGold: (figure: string, threshold: string, window: number) => string;
  lockoutBackread: (figure: string, threshold: string, window: number) => string;
  lockoutActive: (scored: number, required: number) => string;
  lockoutLifted: (when: string, how: 'recalibrated' | 'lead') => string;
  referralsTitle: string;
  referralsNone: string;
  submission: string;
  reason: string;
  asked: string;
  reasons: Record<ReferralReason, string>;
  referralOpen: string;
  referralAnswered: string;
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
    fewPairs: (n) => (n === 1 ? 'only 1 pair: read with care' : `only ${n} pairs: read with care`),
    severityTitle: 'Severity, accounting for who scored what',
    severityExplain: 'Many-facet Rasch model: positive is harsher than the average assessor, in rubric levels.',
    severity: 'Severity',
    uncertainty: '±',
    fit: 'Infit / outfit',
    harsher: (levels, clear) => `${levels} levels harsher${clear ? '' : ', within its uncertainty: not clearly different from average'}`,
    lenient: (levels, clear) => `${levels} levels more lenient${clear ? '' : ', within its uncertainty: not clearly different from average'}`,
    average: 'as severe as the average assessor',
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
    lockoutsTitle: 'Lockouts',
    lockoutsNone: 'No assessor was locked out of this micro-credential lately.',
    since: 'Since',
    why: 'Why',
    state: 'State',
    lockoutGold: (figure, threshold, window) => `${figure} exact agreement on the last ${window} gold items (${threshold} needed)`,
    lockoutBackread: (figure, threshold, window) => `${figure} of backread criteria overridden in the last ${window} decisions (at most ${threshold})`,
    lockoutActive: (scored, required) => `Locked out; recalibration ${scored} of ${required} scored`,
    lockoutLifted: (when, how) => (how === 'recalibrated' ? `Lifted ${when}: recalibrated` : `Lifted ${when} by a lead`),
    referralsTitle: 'Referrals to a lead',
    referralsNone: 'No submission of this micro-credential was referred to a lead.',
    submission: 'Submission',
    reason: 'Reason',
    asked: 'Asked',
    reasons: {
      rubric_unclear: 'The rubric does not say how to score this',
      evidence_problem: 'Evidence missing, unreadable or not the candidate’s',
      outside_competency: 'Outside this micro-credential’s competency',
      safeguarding: 'A safeguarding concern about a student',
      integrity: 'Possible integrity problem',
      other: 'Another reason',
    },
    referralOpen: 'Waiting for a lead',
    referralAnswered: 'Answered',
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
    fewPairs: (n) => (n === 1 ? 'solo 1 par: leer con cautela' : `solo ${n} pares: leer con cautela`),
    severityTitle: 'Severidad, teniendo en cuenta quién evaluó qué',
    severityExplain: 'Modelo de Rasch de múltiples facetas: positivo es más severo que el evaluador promedio, en niveles de la rúbrica.',
    severity: 'Severidad',
    uncertainty: '±',
    fit: 'Infit / outfit',
    harsher: (levels, clear) => `${levels} niveles más severo${clear ? '' : ', dentro de su incertidumbre: sin diferencia clara con el promedio'}`,
    lenient: (levels, clear) => `${levels} niveles más indulgente${clear ? '' : ', dentro de su incertidumbre: sin diferencia clara con el promedio'}`,
    average: 'tan severo como el evaluador promedio',
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
    lockoutsTitle: 'Bloqueos',
    lockoutsNone: 'Ningún evaluador ha estado bloqueado en esta microcredencial últimamente.',
    since: 'Desde',
    why: 'Motivo',
    state: 'Estado',
    lockoutGold: (figure, threshold, window) => `${figure} de acuerdo exacto en los últimos ${window} ítems de control (se necesita ${threshold})`,
    lockoutBackread: (figure, threshold, window) => `${figure} de criterios releídos corregidos en las últimas ${window} decisiones (como máximo ${threshold})`,
    lockoutActive: (scored, required) => `Bloqueado; recalibración: ${scored} de ${required} puntuadas`,
    lockoutLifted: (when, how) => (how === 'recalibrated' ? `Levantado el ${when}: recalibró` : `Levantado el ${when} por un líder`),
    referralsTitle: 'Consultas a un líder',
    referralsNone: 'No se consultó a un líder ninguna entrega de esta microcredencial.',
    submission: 'Entrega',
    reason: 'Motivo',
    asked: 'Consultada',
    reasons: {
      rubric_unclear: 'La rúbrica no indica cómo evaluar esto',
      evidence_problem: 'Evidencia ausente, ilegible o que no es del candidato',
      outside_competency: 'Fuera de la competencia de esta microcredencial',
      safeguarding: 'Una preocupación de protección sobre un estudiante',
      integrity: 'Posible problema de integridad',
      other: 'Otro motivo',
    },
    referralOpen: 'Esperando a un líder',
    referralAnswered: 'Respondida',
    page: (page, pages) => `Página ${page} de ${pages}`,
  },
};
