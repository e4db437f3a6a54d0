import type { TFunction } from 'i18next';
import type { ContractErrorShape } from '../../shared/contract/result';
import { hiddenControlsMessage, invisibleTextMessage } from '../../shared/domain/text';
import { failureOf } from './data/contract-reads';

/**
 * What the assessor reads for a failed call: the catalogue's sentence for the error's stable code
 * (core's own message is English and meant for logs and support), or, for text refused for what it
 * carries, what to change in it.
 */
export function describeError(error: ContractErrorShape, t: TFunction): string {
  if (error.code === 'invalid_input' && error.message.includes(hiddenControlsMessage)) return t('errors.hiddenControls');
  if (error.code === 'invalid_input' && error.message.includes(invisibleTextMessage)) return t('errors.invisibleText');
  // How long to wait is core's figure, in its message's fixed form ("… in N seconds.").
  const wait = error.code === 'throttled' ? /in (\d+) seconds/.exec(error.message) : null;
  if (wait) return t('errors.throttledFor', { seconds: Number(wait[1]) });
  return t(`errors.${error.code}`);
}

/** What the assessor reads for a write that was refused (a mutation's error). */
export function describeFailure(error: unknown, t: TFunction): string {
  return describeError(failureOf(error), t);
}
