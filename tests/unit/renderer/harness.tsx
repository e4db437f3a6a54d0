import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { ContractClient } from '../../../shared/contract/client';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ContractErrorShape, ErrorCode, Result } from '../../../shared/contract/result';
import { ClientContext } from '../../../renderer/src/client-context';
import { createQueryClient } from '../../../renderer/src/data/query-client';
import { initI18n } from '../../../renderer/src/i18n';
import { ShortcutProvider } from '../../../renderer/src/keyboard/shortcut-registry';
import { createNavigationStore } from '../../../renderer/src/navigation/navigation-store';
import type { NavigationStore } from '../../../renderer/src/navigation/navigation-store';
import { NavigationProvider } from '../../../renderer/src/navigation/use-navigation';

// Without vitest's globals Testing Library cannot unmount by itself between tests.
afterEach(cleanup);

// The renderer's own view of core is the contract client: these tests give it a fake one that
// answers each method from a table, records what it was asked, and can push core's events.

type Answer<N extends MethodName> = MethodOutput<N> | ContractErrorShape | ((input: MethodInput<N>) => MethodOutput<N> | ContractErrorShape | Promise<MethodOutput<N> | ContractErrorShape>);
export type Answers = { [N in MethodName]?: Answer<N> };

/** A refusal as core sends it. */
export const refusal = (code: ErrorCode, message = `refused: ${code}`): ContractErrorShape => ({ code, message });
const isRefusal = (value: unknown): value is ContractErrorShape => typeof value === 'object' && value !== null && 'code' in value && 'message' in value && Object.keys(value).length === 2;

export interface FakeCore {
  client: ContractClient;
  /** Every call, in order: [method, input]. */
  calls: Array<[MethodName, unknown]>;
  callsOf: <N extends MethodName>(method: N) => MethodInput<N>[];
  answer: <N extends MethodName>(method: N, answer: Answer<N>) => void;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export function fakeCore(answers: Answers = {}): FakeCore {
  const table: Partial<Record<MethodName, unknown>> = { 'preferences.get': {}, 'preferences.set': {}, ...answers };
  const calls: Array<[MethodName, unknown]> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: ContractClient = {
    invoke: vi.fn(async <N extends MethodName>(method: N, input: MethodInput<N>): Promise<Result<MethodOutput<N>>> => {
      calls.push([method, input]);
      const entry = table[method] as Answer<MethodName> | undefined;
      if (entry === undefined) return { ok: false, error: refusal('unknown_method', `no answer for ${method}`) };
      const value: unknown = typeof entry === 'function' ? await (entry as (input: unknown) => unknown)(input) : entry;
      return isRefusal(value) ? { ok: false, error: value } : { ok: true, value: value as MethodOutput<N> };
    }) as ContractClient['invoke'],
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener as (payload: unknown) => void));
      return () => void set.delete(listener as (payload: unknown) => void);
    },
  };
  return {
    client,
    calls,
    callsOf: (method) => calls.filter(([called]) => called === method).map(([, input]) => input as MethodInput<typeof method>),
    answer: (method, answer) => void (table[method] = answer),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

/** In-memory storage for the navigation store (what localStorage keeps between starts). */
export function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

export interface Setup {
  core: FakeCore;
  queries: QueryClient;
  navigation: NavigationStore;
}

function providers({ core, queries, navigation }: Setup) {
  return function Providers({ children }: { children: React.ReactNode }): React.JSX.Element {
    return (
      <ClientContext.Provider value={core.client}>
        <QueryClientProvider client={queries}>
          <ShortcutProvider>
            <NavigationProvider store={navigation}>{children}</NavigationProvider>
          </ShortcutProvider>
        </QueryClientProvider>
      </ClientContext.Provider>
    );
  };
}

/** The catalogue in English, as the app starts it. */
export async function startI18n(): Promise<void> {
  await initI18n();
}

export function setup(answers: Answers = {}, storage = memoryStorage()): Setup {
  return { core: fakeCore(answers), queries: createQueryClient(), navigation: createNavigationStore(storage) };
}

/** Renders a view inside the providers the app gives it (the fake client, the one cache, shortcuts, navigation). */
export function renderView(ui: React.ReactElement, answers: Answers = {}) {
  const context = setup(answers);
  return { ...context, ...render(ui, { wrapper: providers(context) }) };
}

export function renderInApp<T>(hook: () => T, context: Setup = setup()) {
  return { ...context, ...renderHook(hook, { wrapper: providers(context) }) };
}
