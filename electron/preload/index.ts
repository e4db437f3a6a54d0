import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Transport } from '../../shared/contract/client';
import { eventChannel, invokeChannel, openWindowChannel } from '../common/ipc-channels';


/** The only surface the renderer gets: invoke a contract method, subscribe to a contract event, open the evidence window (main checks the pair id). */
const bridge: Transport & { openWindow(view: 'evidence', pair: string): Promise<void> } = {
  openWindow: async (view, pair) => {
    await ipcRenderer.invoke(openWindowChannel, view, pair);
  },
  invoke: (method, input) => ipcRenderer.invoke(invokeChannel, method, input),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, message: { event: string; payload: unknown }): void => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.removeListener(eventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('assessor', bridge);
