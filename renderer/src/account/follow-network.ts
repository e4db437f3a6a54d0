import type { ContractClient } from '../../../shared/contract/client';

/**
 * The operating system says the network is back (the window's `online` event, in the desktop and in a
 * browser): sync at once rather than at core's next probe.
 */
export function followNetwork(client: ContractClient): void {
  window.addEventListener('online', () => void client.invoke('sync.now', {}));
}
