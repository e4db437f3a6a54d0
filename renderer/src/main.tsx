import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ClientContext } from './client-context';
import { initI18n } from './i18n';
import { connectToCore } from './transport';
import './styles.css';

// zod probes for eval support with `Function('')`; our CSP forbids eval, so tell it up front.
z.config({ jitless: true });

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  createRoot(root).render(
    <StrictMode>
      <ClientContext.Provider value={connectToCore()}>
        <App />
      </ClientContext.Provider>
    </StrictMode>,
  );
}

void start();
