import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRpc, RpcError } from '../../shared/rpc/peer';
import type { NoApi, RpcHandlers } from '../../shared/rpc/peer';
import { unwrappingPort } from '../../shared/rpc/port';

/** What the serving side answers and tells, in the tests below. */
type Server = {
  methods: {
    add: { input: { a: number; b: number }; output: number };
    echoAfter: { input: { value: string; ms: number }; output: string };
    refuse: { input: null; output: never };
    crash: { input: null; output: never };
    wait: { input: null; output: never };
    unsendable: { input: null; output: unknown };
  };
  events: { tick: { n: number } };
};

const handlers: RpcHandlers<Server> = {
  add: ({ a, b }) => a + b,
  echoAfter: ({ value, ms }) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
  refuse: () => {
    throw new RpcError('not_found', 'No such item.');
  },
  crash: () => {
    throw new TypeError('cannot read x of undefined');
  },
  wait: () => new Promise<never>(() => undefined),
  unsendable: () => ({ callback: () => undefined }),
};

const opened: MessagePort[] = [];
afterEach(() => opened.splice(0).forEach((port) => port.close()));

function connected() {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const problems: string[] = [];
  const server = connectRpc<Server, NoApi>(port1, { serve: handlers, report: (problem) => problems.push(problem) });
  const client = connectRpc<NoApi, Server>(port2, { serve: {}, report: (problem) => problems.push(problem) });
  return { server, client, problems, serverPort: port1, clientPort: port2 };
}

describe('the RPC over a port', () => {
  it('answers a call with the value its handler returns', async () => {
    const { client } = connected();
    await expect(client.call('add', { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('gives each concurrent call its own answer, whatever order they come back in', async () => {
    const { client } = connected();
    const answers = await Promise.all([
      client.call('echoAfter', { value: 'slow', ms: 40 }),
      client.call('echoAfter', { value: 'quick', ms: 0 }),
      client.call('add', { a: 1, b: 1 }),
      client.call('echoAfter', { value: 'middle', ms: 15 }),
    ]);
    expect(answers).toEqual(['slow', 'quick', 2, 'middle']);
  });

  it('fails a call with the error its handler threw, code and message', async () => {
    const { client } = connected();
    await expect(client.call('refuse', null)).rejects.toMatchObject({ name: 'RpcError', code: 'not_found', message: 'No such item.' });
    await expect(client.call('crash', null)).rejects.toMatchObject({ code: 'rpc_failed', message: 'cannot read x of undefined' });
  });

  it('refuses a method the other side does not answer, inherited names included', async () => {
    const { client } = connected();
    const untyped = client as unknown as { call(method: string, input: unknown): Promise<unknown> };
    for (const method of ['nope', 'toString', '__proto__', 'constructor']) {
      await expect(untyped.call(method, null), method).rejects.toMatchObject({ code: 'unknown_method' });
    }
    await expect(client.call('add', { a: 1, b: 2 })).resolves.toBe(3);
  });

  it('fails the call, instead of leaving it waiting, when the answer cannot be sent', async () => {
    const { client } = connected();
    await expect(client.call('unsendable', null)).rejects.toMatchObject({ code: 'rpc_failed', message: expect.stringMatching(/could not be sent/) as unknown });
  });

  it('delivers events to their listeners until they stop listening', async () => {
    const { server, client } = connected();
    const heard: number[] = [];
    const stop = client.on('tick', ({ n }) => heard.push(n));
    server.emit('tick', { n: 1 });
    server.emit('tick', { n: 2 });
    await client.call('add', { a: 0, b: 0 }); // messages on one port arrive in order
    stop();
    server.emit('tick', { n: 3 });
    await client.call('add', { a: 0, b: 0 });
    expect(heard).toEqual([1, 2]);
  });

  it('fails every pending call when the port closes, and every later call at once', async () => {
    const { client, serverPort } = connected();
    let closedHeard = false;
    client.onClose(() => (closedHeard = true));
    const waiting = [client.call('wait', null), client.call('wait', null)];
    serverPort.close();
    for (const call of waiting) await expect(call).rejects.toMatchObject({ code: 'rpc_closed' });
    expect(closedHeard).toBe(true);
    await expect(client.call('add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'rpc_closed' });
  });

  it('fails pending calls when this side closes', async () => {
    const { client } = connected();
    const waiting = client.call('wait', null);
    client.close();
    await expect(waiting).rejects.toMatchObject({ code: 'rpc_closed' });
  });

  it('refuses malformed messages and replies nobody waits for, and carries on', async () => {
    const { client, serverPort, problems } = connected();
    const waiting = client.call('echoAfter', { value: 'real', ms: 20 });
    for (const junk of [null, 'text', 42, [], {}, { rpc: 'call' }, { rpc: 'call', id: -1, method: 'add' }, { rpc: 'call', id: 1, method: 'x'.repeat(101) }, { rpc: 'reply', id: 1, ok: false, error: 'boom' }, { rpc: 'event' }, { rpc: 'other', id: 1 }]) {
      serverPort.postMessage(junk);
    }
    // A forged reply to an id nobody waits for is refused; it does not settle the real call.
    serverPort.postMessage({ rpc: 'reply', id: 999, ok: true, value: 'forged' });
    await expect(waiting).resolves.toBe('real');
    expect(problems.filter((problem) => problem.startsWith('refused a message'))).toHaveLength(11);
    expect(problems.filter((problem) => problem.includes('not waiting'))).toHaveLength(1);
  });

  it('keeps delivering events when one listener throws', async () => {
    const { server, client, problems } = connected();
    const heard: number[] = [];
    client.on('tick', () => {
      throw new Error('listener bug');
    });
    client.on('tick', ({ n }) => heard.push(n));
    server.emit('tick', { n: 7 });
    await client.call('add', { a: 0, b: 0 });
    expect(heard).toEqual([7]);
    expect(problems).toEqual(['a listener of tick failed: listener bug']);
  });
});

describe('the RPC over a port that wraps its messages in events', () => {
  it('unwraps them, starts the port, and fails pending calls when the other end closes', async () => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    connectRpc<Server, NoApi>(port1, { serve: handlers });
    // Node's MessagePort, like the DOM's, also hands listeners added this way a MessageEvent (its message as `data`).
    const client = connectRpc<NoApi, Server>(
      unwrappingPort(port2, (type, listener) => port2.addEventListener(type, listener as unknown as (event: Event) => void)),
      { serve: {} },
    );
    await expect(client.call('add', { a: 20, b: 22 })).resolves.toBe(42);
    const waiting = client.call('wait', null);
    port1.close();
    await expect(waiting).rejects.toMatchObject({ code: 'rpc_closed' });
  });
});
