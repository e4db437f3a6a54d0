import type { z } from 'zod';
import { workspaceMethods } from './workspace';
import { scoringMethods } from './scoring';
import { commentBankMethods } from './comment-bank';
import { accountMethods } from './account';
import { syncMethods } from './sync';
import { evidenceMethods } from './evidence';
import { batchesMethods } from './batches';
import { calibrationMethods } from './calibration';
import { leadMethods } from './lead';
import { referralsMethods } from './referrals';
export * from './common';
export * from './workspace';
export * from './scoring';
export * from './comment-bank';
export * from './account';
export * from './sync';
export * from './evidence';
export * from './batches';
export * from './calibration';
export * from './lead';
export * from './referrals';
export { QualitySummary, ReferralView } from './quality-views';

/**
 * The renderer↔core contract: one map, combined from each domain's slice (shared/contract/<domain>.ts),
 * used by both transports. Inputs are strict so a renderer bug shows up as `invalid_input`, not as
 * silently ignored fields.
 */
export const methods = {
  ...workspaceMethods,
  ...scoringMethods,
  ...commentBankMethods,
  ...accountMethods,
  ...syncMethods,
  ...evidenceMethods,
  ...batchesMethods,
  ...calibrationMethods,
  ...leadMethods,
  ...referralsMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<N extends MethodName> = z.input<Methods[N]['input']>;
export type MethodOutput<N extends MethodName> = z.output<Methods[N]['output']>;
/** What a handler receives: the input after validation (defaults applied). */
export type ParsedInput<N extends MethodName> = z.output<Methods[N]['input']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
