import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../../shared/contract/client';
import { transportOverRpc } from '../../shared/contract/rpc-api';
import type { ContractOverRpc } from '../../shared/contract/rpc-api';
import { connectRpc } from '../../shared/rpc/peer';
import type { NoApi, RpcPeer } from '../../shared/rpc/peer';
import { unwrappingPort } from '../../shared/rpc/port';
import { connectCoreChannel, corePortChannel, openWindowChannel } from '../hosts-shared/ipc-channels';

/** The page's end of its channel to core: a DOM MessagePort (Electron adds its 'close' event). */
interface PagePort {
  postMessage(message: unknown): void;
  /** 'message' listeners get `{ data }`; 'close' ones nothing worth reading. */
  addEventListener(type: 'message' | 'close', listener: (event?: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** This page's own channel to core, handed over by main once it has checked this frame; the port stays here, in the preload. */
const core = new Promise<RpcPeer<NoApi, ContractOverRpc>>((resolve) => {
  ipcRenderer.once(corePortChannel, (event) => {
    // Node's typings name the DOM's MessagePort after worker_threads' one: this is the DOM's.
    const port = event.ports[0] as unknown as PagePort | undefined;
    if (port) resolve(connectRpc<NoApi, ContractOverRpc>(unwrappingPort(port, (type, listener) => port.addEventListener(type, listener)), { serve: {} }));
  });
  ipcRenderer.send(connectCoreChannel);
});

/** The only surface the renderer gets: invoke a contract method, subscribe to a contract event, open the evidence window (main checks the pair id). */
const bridge: Transport & { openWindow(view: 'evidence', pair: string): Promise<void> } = {
  ...transportOverRpc(core),
  openWindow: async (view, pair) => {
    await ipcRenderer.invoke(openWindowChannel, view, pair);
  },
};

contextBridge.exposeInMainWorld('assessor', bridge);
