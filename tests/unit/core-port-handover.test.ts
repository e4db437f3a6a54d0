import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractOverRpc } from '../../shared/contract/rpc-api';
import type { Result } from '../../shared/contract/result';
import { connectRpc } from '../../shared/rpc/peer';
import type { NoApi } from '../../shared/rpc/peer';
import { connectCoreChannel, corePortChannel } from '../../electron/hosts-shared/ipc-channels';
import { rendererPortHandover } from '../../electron/hosts-shared/core-rpc';
import { serveContract } from '../../electron/core/contract/contract-port';
import { splitParentPort } from '../../electron/core/process/parent-port';
import type { ParentPort, TransferredPort } from '../../electron/core/process/parent-port';
import type { Core, CoreEventListener } from '../../electron/core/app/service';
import { registerCorePortHandover } from '../../electron/main/core-port-handover';
import type { AskingFrame, IpcMainOn } from '../../electron/main/core-port-handover';
import { silentLogger } from '../support/silent-logger';

const opened: MessagePort[] = [];
afterEach(() => opened.splice(0).forEach((port) => port.close()));

/** The thinnest stand-in for core: records the calls it gets and lets the test emit its events. */
function fakeCore() {
  const calls: unknown[][] = [];
  const listeners = new Set<CoreEventListener>();
  const core = {
    invokeAsync: (method: string, input: unknown): Promise<Result<unknown>> => {
      calls.push([method, input]);
      return Promise.resolve({ ok: true, value: 'done' });
    },
    subscribe(listener: CoreEventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Core;
  return { core, calls, listeners };
}

/** The thinnest stand-in for ipcMain and the frames asking it: what each frame was handed, and what core was. */
function desktop(core: Core) {
  let listener: Parameters<IpcMainOn<MessagePort>['on']>[1] | null = null;
  const givenToCore: MessagePort[] = [];
  const ipcMain: IpcMainOn<MessagePort> = {
    on(channel, handler) {
      expect(channel).toBe(connectCoreChannel);
      listener = handler;
    },
  };
  registerCorePortHandover(ipcMain, {
    newChannel: () => {
      const channel = new MessageChannel();
      opened.push(channel.port1, channel.port2);
      return channel;
    },
    giveCore: (port) => {
      givenToCore.push(port);
      serveContract(port, Promise.resolve(core), silentLogger);
    },
  });
  /** A frame asks for its channel; returns the ports it was handed. */
  const ask = (url: string | null, parent: unknown = null): MessagePort[] => {
    const handed: MessagePort[] = [];
    const frame: AskingFrame<MessagePort> | null =
      url === null
        ? null
        : {
            url,
            parent,
            postMessage(channel, _message, transfer) {
              expect(channel).toBe(corePortChannel);
              handed.push(...transfer);
            },
          };
    listener?.({ senderFrame: frame });
    return handed;
  };
  return { ask, givenToCore };
}

const pageOver = (port: MessagePort) => connectRpc<NoApi, ContractOverRpc>(port, { serve: {} });

describe('main handing a page its channel to core', () => {
  it('gives the app’s own main frame one end and core the other, so the page’s calls reach core with main relaying nothing', async () => {
    const { core, calls } = fakeCore();
    const { ask, givenToCore } = desktop(core);
    const [port, ...more] = ask('app://workstation/index.html');
    expect(more).toEqual([]);
    expect(givenToCore).toHaveLength(1);
    await expect(pageOver(port!).call('invoke', { method: 'app.info', input: {} })).resolves.toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['app.info', {}]]);
  });

  it('hands nothing to foreign or detached frames, or to a subframe of the app’s own origin, and core never hears of them', () => {
    const { core } = fakeCore();
    const { ask, givenToCore } = desktop(core);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://workstation.evil/', null]) expect(ask(url), String(url)).toEqual([]);
    expect(ask('app://workstation/index.html', { url: 'app://workstation/index.html' })).toEqual([]);
    expect(givenToCore).toEqual([]);
  });

  it('gives a page a new channel each time it loads', () => {
    const { core } = fakeCore();
    const { ask, givenToCore } = desktop(core);
    const first = ask('app://workstation/index.html');
    const second = ask('app://workstation/index.html');
    expect(first[0]).not.toBe(second[0]);
    expect(givenToCore).toHaveLength(2);
  });
});

describe('core serving a page over its port', () => {
  it('answers a method name that is not a short string with invalid_input, without running anything', async () => {
    const { core, calls } = fakeCore();
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    serveContract(port1, Promise.resolve(core), silentLogger);
    const page = pageOver(port2);
    for (const method of [42, { toString: 'x' }, 'x'.repeat(500)]) {
      await expect(page.call('invoke', { method: method as string, input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(calls).toEqual([]);
  });

  it('sends the page core’s events until its port closes, then stops listening', async () => {
    const { core, listeners } = fakeCore();
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    serveContract(port1, Promise.resolve(core), silentLogger);
    const page = pageOver(port2);
    const heard: unknown[] = [];
    page.on('sync.changed', (payload) => heard.push(payload));
    await expect.poll(() => listeners.size).toBe(1);
    for (const listener of listeners) listener('sync.changed', { state: 'idle' } as never);
    await expect.poll(() => heard).toEqual([{ state: 'idle' }]);
    port2.close(); // the window closed or reloaded
    await expect.poll(() => listeners.size).toBe(0);
  });

  it('answers every call with why when core could not start', async () => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    const failed = Promise.reject(new Error('the database key does not fit'));
    serveContract(port1, failed, silentLogger);
    await expect(pageOver(port2).call('invoke', { method: 'app.info', input: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The workstation core could not start: the database key does not fit' },
    });
  });
});

describe('core’s port to main', () => {
  it('takes a renderer port main hands over apart from the RPC, and passes everything else to the RPC', () => {
    const listeners: ((event: { data: unknown; ports: TransferredPort[] }) => void)[] = [];
    const parent: ParentPort = { postMessage: () => undefined, on: (_event, listener) => listeners.push(listener) };
    const handedOver: TransferredPort[] = [];
    const rpcMessages: unknown[] = [];
    splitParentPort(parent, (port) => handedOver.push(port)).on('message', (message) => rpcMessages.push(message));
    const port = {} as TransferredPort;
    for (const listener of listeners) {
      listener({ data: rendererPortHandover, ports: [port] });
      listener({ data: { rpc: 'reply', id: 1, ok: true, value: null }, ports: [] });
      listener({ data: 'something else', ports: [] });
    }
    expect(handedOver).toEqual([port]);
    expect(rpcMessages).toEqual([{ rpc: 'reply', id: 1, ok: true, value: null }, 'something else']);
  });
});
