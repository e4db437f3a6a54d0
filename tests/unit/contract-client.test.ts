import { describe, expect, it } from 'vitest';
import { createContractClient } from '../../shared/contract/client';
import type { Transport } from '../../shared/contract/client';
import { methods } from '../../shared/contract/methods';

function transportReplying(reply: unknown, events: { emit?: (name: string, payload: unknown) => void } = {}): Transport {
  const listeners = new Map<string, (payload: unknown) => void>();
  events.emit = (name, payload) => listeners.get(name)?.(payload);
  return {
    invoke: () => Promise.resolve(reply),
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
}

describe('contract client', () => {
  it('passes a valid reply through', async () => {
    const client = createContractClient(transportReplying({ ok: true, value: { version: '1.0.0', schemaVersion: 1 } }));
    await expect(client.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { version: '1.0.0', schemaVersion: 1 } });
  });

  it('refuses a reply that does not match the method’s output schema', async () => {
    const client = createContractClient(transportReplying({ ok: true, value: { version: 1 } }));
    const result = await client.invoke('app.info', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_output');
  });

  it('refuses a malformed envelope', async () => {
    const client = createContractClient(transportReplying('<html>oops</html>'));
    const result = await client.invoke('app.info', {});
    expect(!result.ok && result.error.code).toBe('invalid_output');
  });

  it('passes errors from core through unchanged', async () => {
    const client = createContractClient(transportReplying({ ok: false, error: { code: 'not_found', message: 'gone' } }));
    await expect(client.invoke('app.info', {})).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });

  it('turns a transport failure into `unavailable`', async () => {
    const client = createContractClient({ invoke: () => Promise.reject(new Error('socket closed')), subscribe: () => () => undefined });
    const result = await client.invoke('app.info', {});
    expect(!result.ok && result.error).toEqual({ code: 'unavailable', message: 'socket closed' });
  });

  it('delivers only events whose payload validates', () => {
    const hooks: { emit?: (name: string, payload: unknown) => void } = {};
    const client = createContractClient(transportReplying(null, hooks));
    const seen: unknown[] = [];
    client.subscribe('queue.changed', (payload) => seen.push(payload));
    hooks.emit?.('queue.changed', { batchId: 'b', submissionId: 's', status: 'in_progress', outcome: null });
    hooks.emit?.('queue.changed', { batchId: 'b', submissionId: 's', status: 'exploded', outcome: null });
    expect(seen).toEqual([{ batchId: 'b', submissionId: 's', status: 'in_progress', outcome: null }]);
  });

  it('declares strict inputs: unknown keys are invalid', () => {
    expect(methods['queue.list'].input.safeParse({ batchId: 'b', extra: 1 }).success).toBe(false);
    expect(methods['draft.setScore'].input.safeParse({ submissionId: 's', criterionId: 'c', level: 2.5 }).success).toBe(false);
    expect(methods['draft.setScore'].input.safeParse({ submissionId: 's', criterionId: 'c', level: null }).success).toBe(true);
  });
});
