import { fail } from '../../shared/contract/result';
import { isWindowPairId } from '../../shared/windows/pair';
import { openWindowChannel } from '../hosts-shared/ipc-channels';
import { fromTrustedFrame } from './trusted-sender';
import type { SenderEvent } from './trusted-sender';

/** The slice of Electron's ipcMain the window opener needs (so it is testable under plain Node). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
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
