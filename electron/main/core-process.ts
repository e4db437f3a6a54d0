import { utilityProcess } from 'electron';
import type { MessagePortMain } from 'electron';
import { connectRpc } from '../../shared/rpc/peer';
import type { RpcPort } from '../../shared/rpc/port';
import type { EvidenceSource } from '../hosts-shared/evidence-answer';
import { rendererPortHandover } from '../hosts-shared/core-rpc';
import type { CoreForMain, MainForCore } from '../hosts-shared/core-rpc';
import { answersToCore } from './answers-to-core';
import type { DatabaseKeysForCore } from './answers-to-core';
import { keychainClear, keychainLoad, keychainSave } from './keychain';

export interface CoreProcess {
  /** Evidence as plaintext ranges core decrypts, for the app:// protocol: main never holds the evidence key. */
  evidence: EvidenceSource;
  /** Hands core one end of a renderer's channel: the renderer then talks to core directly. */
  connectRenderer(port: MessagePortMain): void;
  stop(): void;
}

/** What main uses of the utility process (a fake stands in for it in tests). */
export interface CoreChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  postMessage(message: unknown, transfer?: MessagePortMain[]): void;
  kill(): boolean;
}

const forkUtilityProcess = (entry: string, env: Record<string, string>): CoreChild =>
  utilityProcess.fork(entry, [], { serviceName: 'Assessor Workstation core', env: { ...process.env, ...env }, stdio: 'inherit' });

/** The utility process as an RPC port: closed once it has exited. */
function childPort(child: CoreChild): RpcPort {
  return {
    postMessage: (message) => child.postMessage(message),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      if (event === 'message') child.on('message', listener);
      else child.on('exit', () => listener());
    },
  };
}

/**
 * Starts core in a utility process so SQLite work never blocks the main (UI) process. Core asks for
 * the database's keys over its message port (never its environment, which other programs of the
 * same user can read) before it opens its database.
 */
export function startCoreProcess(entry: string, env: Record<string, string>, databaseKeys: DatabaseKeysForCore, fork = forkUtilityProcess): CoreProcess {
  const child = fork(entry, env);
  const core = connectRpc<MainForCore, CoreForMain>(childPort(child), {
    serve: answersToCore(databaseKeys, { load: keychainLoad, save: keychainSave, clear: keychainClear }),
    report: (problem) => console.error(`[main] core's port ${problem}`),
  });
  core.on('fatal', ({ message }) => console.error(`[main] core could not start: ${message}`));
  return {
    evidence: {
      describe: (evidenceId, part) => core.call('evidence.describe', { evidenceId, part }),
      read: (evidenceId, part, start, end) => core.call('evidence.read', { evidenceId, part, start, end }),
    },
    connectRenderer(port) {
      child.postMessage(rendererPortHandover, [port]);
    },
    stop() {
      child.kill();
    },
  };
}
