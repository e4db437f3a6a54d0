import type { MethodName } from '../../../shared/contract/methods';
import { isLead } from '../../../shared/domain/roles';
import type { HandlerApp, MethodHandler } from '../contract/handler-app';
import { DomainError } from '../contract/errors';

/** The account signed in here (null when none is). */
export type SignedInAccount = () => { readonly roles: readonly string[] } | null;

/**
 * Only a signed-in lead reaches these methods: an assessor's page (or a program holding the preview's
 * secret) asking for a lead's view or queuing a lead's resolution is refused here, before anything is
 * read or kept, rather than by the server at the next sync.
 */
export function leadsOnly<K extends MethodName>(app: HandlerApp<K>, account: SignedInAccount): HandlerApp<K> {
  const guard = (): void => {
    if (!isLead(account())) throw new DomainError('forbidden', 'Only a lead assessor signed in here may do this.');
  };
  const guarded = (handler: MethodHandler<K>): MethodHandler<K> =>
    handler.waits === 'nothing' ? { waits: 'nothing', run: (input) => (guard(), handler.run(input)) } : { waits: 'session', run: (input) => (guard(), handler.run(input)) };
  return Object.fromEntries(Object.entries<MethodHandler<K>>(app).map(([method, handler]) => [method, guarded(handler)])) as HandlerApp<K>;
}
