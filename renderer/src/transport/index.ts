import { createContractClient } from '../../../shared/contract/client';
import type { ContractClient, Transport } from '../../../shared/contract/client';
import { createPreviewTransport, takePageToken } from './preview-transport';

/** What the desktop preload adds to the contract's transport: its own windows. */
interface DesktopBridge extends Transport {
  openWindow(view: 'evidence'): Promise<void>;
}

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in the preview host. */
    assessor?: DesktopBridge;
  }
}

/** The preview page's token, for a second tab of the same workstation (never stored: the tab gets it in its fragment). */
let previewToken: string | null = null;

/** Which part of the workstation this window shows: everything, or only the evidence (a second window). */
export function windowView(location: Location = window.location): 'workstation' | 'evidence' {
  return new URLSearchParams(location.search).get('view') === 'evidence' ? 'evidence' : 'workstation';
}

/**
 * Opens (or brings forward) the evidence in a window of its own, for a second monitor: on the
 * desktop a second window of the app with the same hardening, in the preview a second tab.
 */
export async function openEvidenceWindow(): Promise<void> {
  if (window.assessor) return window.assessor.openWindow('evidence');
  if (previewToken) window.open(`/?view=evidence#session=${previewToken}`, 'assessor-evidence', 'noopener');
}

/**
 * The contract client over whichever bridge the page was given; null when the page was opened
 * without the preview host's link (it has no way in). `onAccessEnded`: the preview host stopped
 * accepting this page's token (the desktop's bridge has no token to lose).
 */
export function connectToCore(onAccessEnded: () => void): ContractClient | null {
  let transport: Transport | null = window.assessor ?? null;
  if (!transport) {
    const token = takePageToken();
    if (!token) return null;
    previewToken = token;
    transport = createPreviewTransport(token, onAccessEnded);
  }
  return createContractClient(transport);
}
