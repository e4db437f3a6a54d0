import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ClientContext } from './client-context';
import { HostedProvider } from './hosted/use-hosted';
import { initI18n } from './i18n';
import { NoAccess } from './NoAccess';
import { connectToCore } from './transport';
import './styles.css';

// zod probes for eval support with `Function('')`; our CSP forbids eval, so tell it up front.
z.config({ jitless: true });

async function start(): Promise<void> {
  const client = connectToCore(); // before i18n: the first reads travel while the UI is set up
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  createRoot(root).render(
    <StrictMode>
      {client ? (
        <ClientContext.Provider value={client}>
          <HostedProvider>
            <App />
          </HostedProvider>
        </ClientContext.Provider>
      ) : (
        <NoAccess />
      )}
    </StrictMode>,
  );
}

void start();
