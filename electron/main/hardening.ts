import { app, session } from 'electron';
import { appOrigin } from './trusted-sender';

/**
 * Applies the workstation's security rules to every web contents and session, before any window
 * exists: no navigation away from the app, no frame navigating anywhere, no new windows, no
 * <webview>, no permissions.
 */
export function hardenApp(devServerOrigin: string | null): void {
  const allowed = new Set([appOrigin, ...(devServerOrigin ? [devServerOrigin] : [])]);
  const isAllowed = (url: string): boolean => {
    try {
      return allowed.has(new URL(url).origin);
    } catch {
      return false;
    }
  };
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowed(url)) event.preventDefault();
    });
    // The renderer has no frames of its own: a subframe navigating anywhere is something injected.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !isAllowed(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
