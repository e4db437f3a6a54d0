import { createContractClient } from '../../../shared/contract/client';
import type { ContractClient, Transport } from '../../../shared/contract/client';
import { createPreviewTransport, takePageToken } from './preview-transport';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in the preview host. */
    assessor?: Transport;
  }
}

/** The contract client over whichever bridge the page was given; null when the page was opened without the preview host's link (it has no way in). */
export function connectToCore(): ContractClient | null {
  let transport = window.assessor ?? null;
  if (!transport) {
    const token = takePageToken();
    if (!token) return null;
    transport = createPreviewTransport(token);
  }
  return createContractClient(transport);
}
