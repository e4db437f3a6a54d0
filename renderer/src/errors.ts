import type { TFunction } from 'i18next';
import type { ContractErrorShape } from '../../shared/contract/result';

/**
 * What the assessor reads for a failed call: the catalogue's sentence for the error's stable code
 * (core's own message is English and meant for logs and support).
 */
export function describeError(error: ContractErrorShape, t: TFunction): string {
  return t(`errors.${error.code}`);
}
