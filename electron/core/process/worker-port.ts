import type { Worker } from 'node:worker_threads';
import type { RpcPort } from '../../../shared/rpc/port';

/** A worker thread as seen from the thread that started it, as an RPC port: it is closed once the thread has exited. */
export function workerPort(worker: Worker): RpcPort {
  return {
    postMessage: (message) => worker.postMessage(message),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      if (event === 'message') worker.on('message', listener);
      else worker.on('exit', () => listener());
    },
  };
}
