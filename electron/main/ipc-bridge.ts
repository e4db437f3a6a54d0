import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { invokeChannel } from '../common/ipc-channels';
import { isTrustedSenderUrl } from './trusted-sender';


/** The slice of Electron's ipcMain this bridge needs (so it is testable under plain Node). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * Forwards renderer calls to core after checking who is calling: only the main frame (never a
 * subframe, whatever its origin) of a page of the app's own origin may reach core. Core validates
 * the payload itself (invalid → `invalid_input`).
 */
export function registerIpcBridge(
  ipcMain: IpcMainLike,
  invokeCore: (method: string, input: unknown) => Promise<Result<unknown>>,
  devServerOrigin: string | null = null,
): void {
  ipcMain.handle(invokeChannel, async (event, method, input) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url, devServerOrigin)) return fail('forbidden', 'This window may not talk to the workstation core.');
    if (typeof method !== 'string' || method.length > 100) return fail('invalid_input', 'Method name must be a short string.');
    return invokeCore(method, input);
  });
}
