import { createContractClient } from '../../../shared/contract/client';
import type { ContractClient, Transport } from '../../../shared/contract/client';
import { createPreviewTransport } from './preview-transport';
import { withStartupReads } from '../../../shared/contract/startup-reads';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in the preview host. */
    assessor?: Transport;
  }
}

/** The contract client over whichever bridge the page was given, its first reads already on their way. */
export function connectToCore(): ContractClient {
  return withStartupReads(createContractClient(window.assessor ?? createPreviewTransport()), ['workspace.summary', 'session.get', 'sync.status', 'preferences.get']);
}
