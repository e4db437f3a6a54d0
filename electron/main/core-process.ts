import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { FromCore, ToCore } from '../common/core-messages';
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

/** Starts core in a utility process so SQLite work never blocks the main (UI) process. */
export function startCoreProcess(entry: string, env: Record<string, string>): CoreProcess {
  const child: UtilityProcess = utilityProcess.fork(entry, [], {
    serviceName: 'Assessor Workstation core',
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
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
