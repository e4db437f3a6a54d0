import { createContractClient } from '../../../shared/contract/client';
import type { ContractClient, Transport } from '../../../shared/contract/client';
import { createPreviewTransport } from './preview-transport';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in the preview host. */
    assessor?: Transport;
  }
}

/** The contract client over whichever bridge the page was given. */
export function connectToCore(): ContractClient {
  return createContractClient(window.assessor ?? createPreviewTransport());
}
