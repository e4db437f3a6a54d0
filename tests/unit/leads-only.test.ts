import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract/methods';
import type { MethodName } from '../../shared/contract/methods';
import { afterSession, answersAtOnce } from '../../electron/core/contract/handler-app';
import type { AllHandlers } from '../../electron/core/contract/handler-app';
import { DomainError } from '../../electron/core/contract/errors';
import { isLeadMethod, leadsOnly } from '../../electron/core/lead/leads-only';

// Every method of the contract as it is now (so that a lead method added later is held here too),
// each answering that it ran: guarded, which of them reach their handler for whom.
const names = Object.keys(methods) as MethodName[];
const ranHandler = (index: number): unknown => (index % 2 === 0 ? answersAtOnce<'app.info'>(() => 'ran' as never) : afterSession<'app.info'>(() => 'ran' as never));
const ran = Object.fromEntries(names.map((name, index) => [name, ranHandler(index)])) as AllHandlers;
const run = (handlers: AllHandlers, method: MethodName): unknown => (handlers[method].run as (input: unknown) => unknown)({});

describe('a lead’s methods, only for a lead', () => {
  it('refuses every lead.* method of the contract to an assessor and to no one signed in, and lets every other method run', () => {
    const leadMethods = names.filter(isLeadMethod);
    expect(leadMethods.length).toBeGreaterThanOrEqual(16);
    expect(leadMethods).toContain('lead.openReferral'); // handled by referrals, guarded all the same
    for (const account of [{ roles: ['assessor'] }, null]) {
      const guarded = leadsOnly(ran, () => account);
      for (const method of names) {
        if (isLeadMethod(method)) expect(() => run(guarded, method), method).toThrow(new DomainError('forbidden', 'Only a lead assessor signed in here may do this.'));
        else expect(run(guarded, method), method).toBe('ran');
      }
    }
  });

  it('lets a signed-in lead run all of them, waiting for the session where the handler does', () => {
    const guarded = leadsOnly(ran, () => ({ roles: ['assessor', 'lead'] }));
    for (const method of names) {
      expect(run(guarded, method), method).toBe('ran');
      expect(guarded[method].waits, method).toBe(ran[method].waits);
    }
  });
});
