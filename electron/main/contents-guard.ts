/** The slice of Electron's WebContents the guard needs (so it is testable under plain Node). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: { preventDefault(): void; isMainFrame: boolean; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * What any web contents of the workstation may do: navigate its main frame only within the app,
 * navigate no subframe at all (the renderer has none of its own), open no window, attach no <webview>.
 */
export function guardContents(contents: GuardedContents, isAllowed: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowed(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAllowed(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * A scheme-and-host check by `new URL()`, so look-alikes (`app://workstation.evil`,
 * `app://evil@workstation`) are refused. (`URL.origin` is "null" for a custom scheme like app://,
 * so it is compared by its parts.)
 */
export function allowOrigins(origins: readonly string[]): (url: string) => boolean {
  const allowed = new Set(origins);
  return (url) => {
    try {
      const parsed = new URL(url);
      return parsed.username === '' && parsed.password === '' && allowed.has(`${parsed.protocol}//${parsed.host}`);
    } catch {
      return false;
    }
  };
}
