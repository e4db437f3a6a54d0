import { createContractClient } from '../../../shared/contract/client';
import { isWindowPairId } from '../../../shared/windows/pair';
import type { ContractClient, Transport } from '../../../shared/contract/client';
import { createPreviewTransport, takePageToken } from './preview-transport';

/** What the desktop preload adds to the contract's transport: its own windows. */
interface DesktopBridge extends Transport {
  openWindow(view: 'evidence', pair: string): Promise<void>;
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

/** The pair id the evidence window was opened with (see `openEvidenceWindow`); null without a valid one. */
export function windowPair(location: Location = window.location): string | null {
  const pair = new URLSearchParams(location.search).get('pair');
  return isWindowPairId(pair) ? pair : null;
}

/**
 * Opens the evidence in a window of its own, for a second monitor, paired with this scoring window
 * by `pair`: on the desktop a second window of the app with the same hardening, in the preview a
 * second tab. The tab's name carries the pair, so another scoring tab's "New window" never loads
 * into this one's evidence tab (and this one's never into another's).
 */
export async function openEvidenceWindow(pair: string): Promise<void> {
  if (window.assessor) return window.assessor.openWindow('evidence', pair);
  if (previewToken) window.open(`/?view=evidence&pair=${pair}#session=${previewToken}`, `assessor-evidence-${pair}`, 'noopener');
}

/**
 * The contract client over whichever bridge the page was given; null when the page was opened
 * without the preview host's link (it has no way in). `onAccessEnded`: the preview host stopped
 * accepting this page's token (the desktop's bridge has no token to lose). `onHostLost`: the preview
 * host has not answered for a while (true), or answers again (false).
 */
export function connectToCore(onAccessEnded: () => void, onHostLost: (lost: boolean) => void = () => undefined): ContractClient | null {
  let transport: Transport | null = window.assessor ?? null;
  if (!transport) {
    const token = takePageToken();
    if (!token) return null;
    previewToken = token;
    transport = createPreviewTransport(token, onAccessEnded, window.location.origin, onHostLost);
  }
  return createContractClient(transport);
}
