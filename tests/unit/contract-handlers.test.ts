import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract/methods';
import { afterSession, answersAtOnce, combineHandlers, handlerApp } from '../../electron/core/contract/handler-app';
import type { AllHandlers } from '../../electron/core/contract/handler-app';
import { ContractDispatcher } from '../../electron/core/contract/dispatch';
import { DomainError } from '../../electron/core/contract/errors';
import { silentLogger } from '../support/silent-logger';
import { WorkspaceChanges } from '../../electron/core/contract/changes';
import { settled } from '../support/settled';

describe('handlers by domain', () => {
  it('refuses two domains handling one method', () => {
    const one = handlerApp({ 'app.info': answersAtOnce(() => ({ version: '1', schemaVersion: 1 })) });
    const two = handlerApp({ 'app.info': answersAtOnce(() => ({ version: '2', schemaVersion: 2 })) });
    expect(() => combineHandlers(one, two)).toThrow(/Two domains handle app.info/);
  });

  it('answers at once synchronously, waits for the session only where declared, and validates first', async () => {
    let release!: () => void;
    const sessionRead = new Promise<void>((resolve) => (release = resolve));
    const handlers = {
      ...Object.fromEntries(Object.keys(methods).map((name) => [name, answersAtOnce(() => {
        throw new Error(`${name} is not under test`);
      })])),
      'app.info': answersAtOnce(() => ({ version: 'test', schemaVersion: 7 })),
      'session.get': afterSession(() => ({ signedIn: false, serverUrl: '', email: null, displayName: null, roles: [], storage: 'file', lastEmail: null, ended: null })),
      'bank.delete': answersAtOnce(() => {
        throw new DomainError('not_found', 'No such snippet.');
      }),
    } as AllHandlers;
    const dispatcher = new ContractDispatcher(handlers, sessionRead, silentLogger);
    expect(dispatcher.invoke('app.info', {})).toEqual({ ok: true, value: { version: 'test', schemaVersion: 7 } });
    expect(dispatcher.invoke('session.get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(dispatcher.invoke('bank.delete', { id: 'x' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such snippet.' } });
    expect(dispatcher.invoke('bank.delete', { id: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatcher.invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(dispatcher.invoke('app.info', { toJSON: () => ({}) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatcher.invoke('queue.list', { batchId: 'b' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    let answered = false;
    const waiting = dispatcher.invokeAsync('session.get', {}).then((result) => ((answered = true), result));
    await settled();
    expect(answered).toBe(false);
    release();
    expect(await waiting).toMatchObject({ ok: true, value: { signedIn: false } });
  });
});

describe('what changed, told once per turn', () => {
  it('names the submissions, the batch list and quality data, and says "all" once there are too many', async () => {
    const told: unknown[] = [];
    const changes = new WorkspaceChanges((payload) => told.push(payload));
    changes.submissionsChanged(['s1']);
    changes.submissionsChanged(['s2', 's1']);
    changes.qualityData();
    await Promise.resolve();
    expect(told).toEqual([{ batches: true, submissions: ['s1', 's2'], quality: true }]);
    changes.batchList();
    await Promise.resolve();
    expect(told[1]).toEqual({ batches: true, submissions: [], quality: false });
    changes.submissionsChanged(Array.from({ length: 1001 }, (_, index) => `s${index}`));
    await Promise.resolve();
    expect(told[2]).toEqual({ batches: true, submissions: 'all', quality: false });
  });
});
