import type { MethodName } from '../../../shared/contract/methods';
import { isLead } from '../../../shared/domain/roles';
import type { HandlerApp, MethodHandler } from '../contract/handler-app';
import { DomainError } from '../contract/errors';

/** The account signed in here (null when none is). */
export type SignedInAccount = () => { readonly roles: readonly string[] } | null;

/** Every `lead.*` method of the contract is a lead's, whichever domain handles it (referrals handle `lead.openReferral`). */
export const isLeadMethod = (method: string): boolean => method.startsWith('lead.');

/**
 * Only a signed-in lead reaches a lead's methods: an assessor's page (or a program holding the
 * preview's secret) asking for a lead's view or queuing a lead's resolution is refused here, before
 * anything is read or kept, rather than by the server at the next sync. The composition root guards
 * the whole handler map with it, so a lead method added anywhere is guarded without a word.
 */
export function leadsOnly<K extends MethodName>(app: HandlerApp<K>, account: SignedInAccount): HandlerApp<K> {
  const guard = (): void => {
    if (!isLead(account())) throw new DomainError('forbidden', 'Only a lead assessor signed in here may do this.');
  };
  const guarded = (handler: MethodHandler<K>): MethodHandler<K> =>
    handler.waits === 'nothing' ? { waits: 'nothing', run: (input) => (guard(), handler.run(input)) } : { waits: 'session', run: (input) => (guard(), handler.run(input)) };
  return Object.fromEntries(Object.entries<MethodHandler<K>>(app).map(([method, handler]) => [method, isLeadMethod(method) ? guarded(handler) : handler])) as HandlerApp<K>;
}
