import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { isWindowPairId } from '../../shared/windows/pair';
import { invokeChannel, openWindowChannel } from '../common/ipc-channels';
import { isTrustedSenderUrl } from './trusted-sender';


/** The slice of Electron's ipcMain this bridge needs (so it is testable under plain Node). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
}
type SenderEvent = { senderFrame: { url: string; parent: unknown } | null };

/** Only the main frame (never a subframe, whatever its origin) of a page of the app's own origin. */
function fromTrustedFrame(event: SenderEvent, devServerOrigin: string | null): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url, devServerOrigin);
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
    if (!fromTrustedFrame(event, devServerOrigin)) return fail('forbidden', 'This window may not talk to the workstation core.');
    if (typeof method !== 'string' || method.length > 100) return fail('invalid_input', 'Method name must be a short string.');
    return invokeCore(method, input);
  });
}

/** The app's own windows a page may ask for. */
export type AppWindow = 'evidence';

/**
 * Lets the app's own main frames open one of its named windows, paired with the asking window by
 * `pair` (a UUID it made); anything else — another frame, another origin, an unknown name, a pair
 * id that is not exactly a UUID (it goes into the new window's address) — is refused and opens nothing.
 */
export function registerWindowOpener(ipcMain: IpcMainLike, open: (view: AppWindow, pair: string) => void, devServerOrigin: string | null = null): void {
  ipcMain.handle(openWindowChannel, (event, view, pair) => {
    if (!fromTrustedFrame(event, devServerOrigin)) return Promise.resolve(fail('forbidden', 'This window may not open windows.'));
    if (view !== 'evidence') return Promise.resolve(fail('invalid_input', 'No such window.'));
    if (!isWindowPairId(pair)) return Promise.resolve(fail('invalid_input', 'A window opens only with the pair id of the window asking for it.'));
    open(view, pair);
    return Promise.resolve({ ok: true, value: null });
  });
}
