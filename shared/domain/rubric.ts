import { z } from 'zod';

/** Stable identifiers used across the contract and the local store. */
export const Id = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'identifier');

export const ScoreLevel = z.object({
  level: z.number().int().min(0).max(10),
  label: z.string().min(1).max(80),
  descriptor: z.string().min(1).max(2000),
});
export type ScoreLevel = z.infer<typeof ScoreLevel>;

export const Criterion = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  description: z.string().max(2000),
  /** Lowest level that counts as passing for this criterion; null = the rubric's pass rule level. */
  passingLevel: z.number().int().min(0).max(10).nullable(),
  levels: z.array(ScoreLevel).min(2).max(10),
});
export type Criterion = z.infer<typeof Criterion>;

export const RubricComponent = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  description: z.string().max(2000),
  criteria: z.array(Criterion).min(1).max(12),
});
export type RubricComponent = z.infer<typeof RubricComponent>;

/**
 * How a set of criterion scores becomes "award" or "not yet". Micro-credential issuers use
 * "every criterion at least Proficient", sometimes with a tolerance of one criterion below
 * and/or a minimum total; this one shape covers those without a rule language.
 */
export const PassRule = z.object({
  passingLevel: z.number().int().min(0).max(10),
  maxCriteriaBelowPassing: z.number().int().min(0).max(50),
  minimumTotal: z.number().int().min(0).nullable(),
});
export type PassRule = z.infer<typeof PassRule>;

export const RubricVersion = z.object({
  id: Id,
  credentialId: Id,
  version: z.number().int().min(1),
  components: z.array(RubricComponent).min(1).max(10),
  passRule: PassRule,
});
export type RubricVersion = z.infer<typeof RubricVersion>;

export const MicroCredential = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  issuer: z.string().min(1).max(200),
  stack: z.string().max(200),
  competency: z.string().max(2000),
});
export type MicroCredential = z.infer<typeof MicroCredential>;

export function allCriteria(rubric: Pick<RubricVersion, 'components'>): Criterion[] {
  return rubric.components.flatMap((component) => component.criteria);
}
