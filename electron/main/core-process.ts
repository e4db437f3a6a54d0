import { utilityProcess } from 'electron';
import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { FromCore, ToCore } from '../common/core-messages';
import type { DatabaseKeysForCore } from './database-keys';
import type { EvidenceFile, EvidencePart } from '../common/evidence-file';
import { keychainClear, keychainLoad, keychainSave } from './keychain';

export interface CoreProcess {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Where an evidence item's bytes are, for the app:// protocol; never sent to the renderer. */
  resolveEvidence(evidenceId: string, part: EvidencePart): Promise<EvidenceFile | null>;
  /** A file failed its integrity check while served: core removes it and fetches it again. */
  reportUnreadable(evidenceId: string): void;
  onEvent(listener: (event: string, payload: unknown) => void): void;
  stop(): void;
}

/** What main uses of the utility process (a fake stands in for it in tests). */
export interface CoreChild {
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  postMessage(message: ToCore): void;
  kill(): boolean;
}

const forkUtilityProcess = (entry: string, env: Record<string, string>): CoreChild =>
  utilityProcess.fork(entry, [], { serviceName: 'Assessor Workstation core', env: { ...process.env, ...env }, stdio: 'inherit' });

/**
 * Starts core in a utility process so SQLite work never blocks the main (UI) process. The database's
 * keys go first, over the process's own message port (never its environment, which other programs of
 * the same user can read): core opens its database only once they are there.
 */
export function startCoreProcess(entry: string, env: Record<string, string>, databaseKeys: DatabaseKeysForCore, fork = forkUtilityProcess): CoreProcess {
  const child = fork(entry, env);
  const handover: ToCore = { type: 'databaseKeys', handover: databaseKeys.handover };
  child.postMessage(handover);
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const pendingEvidence = new Map<number, (file: EvidenceFile | null) => void>();
  const listeners: ((event: string, payload: unknown) => void)[] = [];

  child.on('message', (message: FromCore) => {
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'evidence') {
      pendingEvidence.get(message.id)?.(message.file);
      pendingEvidence.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message.event, message.payload);
    } else if (message.type === 'vault') {
      let secret: string | null = null;
      try {
        if (message.op === 'load') secret = keychainLoad();
        else if (message.op === 'save' && message.secret !== undefined) keychainSave(message.secret);
        else if (message.op === 'clear') keychainClear();
      } catch (error) {
        console.error(`[main] keychain ${message.op} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const reply: ToCore = { type: 'vaultResult', id: message.id, secret };
      child.postMessage(reply);
    } else if (message.type === 'saveDatabaseKeys') {
      let error: string | null = null;
      try {
        databaseKeys.save(message.keys);
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
        console.error(`[main] keychain could not keep the database key: ${error}`);
      }
      const reply: ToCore = { type: 'databaseKeysSaved', id: message.id, error };
      child.postMessage(reply);
    } else if (message.type === 'fatal') {
      console.error(`[main] core could not start: ${message.message}`);
    }
  });
  child.on('exit', () => {
    for (const resolve of pending.values()) resolve(fail('unavailable', 'The workstation core stopped.'));
    pending.clear();
    for (const resolve of pendingEvidence.values()) resolve(null);
    pendingEvidence.clear();
  });

  return {
    invoke(method, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const message: ToCore = { type: 'invoke', id, method, input };
        child.postMessage(message);
      });
    },
    resolveEvidence(evidenceId, part) {
      return new Promise((resolve) => {
        const id = nextId++;
        pendingEvidence.set(id, resolve);
        const message: ToCore = { type: 'resolveEvidence', id, evidenceId, part };
        child.postMessage(message);
      });
    },
    reportUnreadable(evidenceId) {
      const message: ToCore = { type: 'evidenceUnreadable', evidenceId };
      child.postMessage(message);
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    stop() {
      child.kill();
    },
  };
}
