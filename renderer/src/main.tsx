import './zod-setup';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { ContractClient } from '../../shared/contract/client';
import { App } from './App';
import { ClientContext } from './client-context';
import { prefetchFromCore } from './data/contract-reads';
import { followCoreEvents } from './data/core-events';
import { createQueryClient } from './data/query-client';
import { followNetwork } from './account/follow-network';
import { initI18n } from './i18n';
import { leadViewReads } from './lead/lead-views';
import { createNavigationStore } from './navigation/navigation-store';
import { NavigationProvider } from './navigation/use-navigation';
import { ShortcutProvider } from './keyboard/shortcut-registry';
import { HostLost } from './app/HostLost';
import { NoAccess } from './NoAccess';
import { HintProvider } from './ui/Hint';
import { connectToCore, windowPair, windowView } from './transport';
import { EvidenceWindow } from './window-link/EvidenceWindow';
import { EvidenceWindowProvider } from './window-link/use-evidence-window';
import './styles.css';

/** The reads every start makes leave now, before i18n and React's first render, and land in the cache; an event meanwhile reads them again. */
function startReading(client: ContractClient): ReturnType<typeof createQueryClient> {
  const queries = createQueryClient();
  followCoreEvents(client, queries, leadViewReads);
  followNetwork(client);
  prefetchFromCore(queries, client, 'workspace.summary', {});
  prefetchFromCore(queries, client, 'session.get', {});
  prefetchFromCore(queries, client, 'sync.status', {});
  prefetchFromCore(queries, client, 'preferences.get', {});
  return queries;
}

async function start(): Promise<void> {
  let root: Root | null = null;
  let accessEnded = false;
  let hostLost = false;
  const client = connectToCore(
    () => {
      accessEnded = true;
      render();
    },
    (lost) => {
      hostLost = lost;
      render();
    },
  );
  const queries = client ? startReading(client) : null;
  const navigation = createNavigationStore(window.localStorage);
  // Whatever the workstation showed, a page without access can only say how to get back in.
  function render(): void {
    root?.render(
      <StrictMode>
        {client && queries && !accessEnded ? (
          <ClientContext.Provider value={client}>
            <QueryClientProvider client={queries}>
              <ShortcutProvider>
                <HintProvider>
                {windowView() === 'evidence' ? (
                  <EvidenceWindow pair={windowPair()} />
                ) : (
                  <EvidenceWindowProvider>
                    <NavigationProvider store={navigation}>
                      {hostLost && <HostLost />}
                      <App />
                    </NavigationProvider>
                  </EvidenceWindowProvider>
                )}
                </HintProvider>
              </ShortcutProvider>
            </QueryClientProvider>
          </ClientContext.Provider>
        ) : (
          <NoAccess ended={accessEnded} />
        )}
      </StrictMode>,
    );
  }
  await initI18n();
  const element = document.getElementById('root');
  if (!element) throw new Error('#root is missing');
  root = createRoot(element);
  render();
}

void start();
