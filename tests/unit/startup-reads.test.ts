import { describe, expect, it } from 'vitest';
import { createContractClient } from '../../shared/contract/client';
import { withStartupReads } from '../../shared/contract/startup-reads';

/** A core that counts what it was asked and can push an event. */
function fakeCore(): { asked: string[]; emit: (event: string, payload: unknown) => void; client: ReturnType<typeof createContractClient> } {
  const asked: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client = createContractClient({
    invoke: (method) => {
      asked.push(method);
      return Promise.resolve({ ok: true, value: {} });
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  });
  return { asked, client, emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)) };
}

describe('startup reads', () => {
  it('are sent at once and answer the first caller of each method; later calls ask core again', async () => {
    const core = fakeCore();
    const client = withStartupReads(core.client, ['preferences.get']);
    expect(core.asked).toEqual(['preferences.get']);
    await expect(client.invoke('preferences.get', {})).resolves.toEqual({ ok: true, value: {} });
    expect(core.asked).toEqual(['preferences.get']);
    await client.invoke('preferences.get', {});
    expect(core.asked).toEqual(['preferences.get', 'preferences.get']);
  });

  it('are dropped when an event arrives first, since they may be out of date', async () => {
    const core = fakeCore();
    const client = withStartupReads(core.client, ['preferences.get']);
    core.emit('workspace.changed', { batches: true, submissions: [], quality: false });
    await client.invoke('preferences.get', {});
    expect(core.asked).toEqual(['preferences.get', 'preferences.get']);
  });
});
