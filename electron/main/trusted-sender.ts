/** The desktop renderer's own origin: `app://workstation`. */
export const appScheme = 'app';
export const appHost = 'workstation';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * True only for frames showing the workstation's own UI. Parsed with `new URL()` so look-alikes
 * (`app://workstation.evil`, `app://workstation@evil`, `file://…`) are refused.
 */
export function isTrustedSenderUrl(url: string | null | undefined, devServerOrigin: string | null = null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') return false;
    // `npm run dev` only: the electron-vite dev server on loopback (never in a packaged app).
    if (devServerOrigin !== null && parsed.origin === devServerOrigin) return true;
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** What an IPC event says of the frame that sent it (the slice of Electron's event the checks need). */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only the main frame (never a subframe, whatever its origin) of a page of the app's own origin. */
export function fromTrustedFrame(event: SenderEvent, devServerOrigin: string | null): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url, devServerOrigin);
}
