import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import type { Loadable } from '../workspace/use-workspace';

/**
 * A contract answer kept current: loaded once, and again whenever the workspace changes (a sync
 * brought new data). `key` names the input, so a new input loads afresh.
 */
export function useLive<N extends MethodName>(method: N, input: MethodInput<N>, key: string): [Loadable<MethodOutput<N>>, () => void] {
  const client = useClient();
  const [state, setState] = useState<Loadable<MethodOutput<N>>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useEffect(() => {
    let cancelled = false;
    const load = (): void => {
      void client.invoke(method, input).then((result) => {
        if (!cancelled) setState(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
      });
    };
    load();
    const unsubscribe = client.subscribe('workspace.changed', load);
    return () => {
      cancelled = true;
      unsubscribe();
    };
    // `input` is named by `key`: an object literal would reload on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, method, key, generation]);
  return [state, reload];
}
