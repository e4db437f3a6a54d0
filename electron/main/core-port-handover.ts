import { connectCoreChannel, corePortChannel } from '../hosts-shared/ipc-channels';
import { fromTrustedFrame } from './trusted-sender';

/** The frame that asked, as far as the handover needs it: who it is, and how to give it its port. */
export interface AskingFrame<Port> {
  url: string;
  parent: unknown;
  postMessage(channel: string, message: unknown, transfer: Port[]): void;
}

/** The slice of Electron's ipcMain the handover needs (so it is testable under plain Node). */
export interface IpcMainOn<Port> {
  on(channel: string, listener: (event: { senderFrame: AskingFrame<Port> | null }) => void): unknown;
}

export interface PortHandover<Port> {
  /** A new channel (Electron's MessageChannelMain). */
  newChannel(): { port1: Port; port2: Port };
  /** Gives core its end. */
  giveCore(port: Port): void;
}

/**
 * Each page of the app gets its own channel to core when it asks (on every load): one end to core,
 * the other to the asking frame only, and only when that frame is the main frame of the app's own
 * origin. From then on the page's calls and core's events go straight between them; main relays
 * nothing. A frame that fails the check gets nothing, and core never hears of it.
 */
export function registerCorePortHandover<Port>(ipcMain: IpcMainOn<Port>, handover: PortHandover<Port>, devServerOrigin: string | null = null): void {
  ipcMain.on(connectCoreChannel, (event) => {
    const frame = event.senderFrame;
    if (!frame || !fromTrustedFrame(event, devServerOrigin)) return;
    const { port1, port2 } = handover.newChannel();
    handover.giveCore(port1);
    frame.postMessage(corePortChannel, null, [port2]);
  });
}
