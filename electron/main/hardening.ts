import { app, session } from 'electron';
import { allowOrigins, guardContents } from './contents-guard';
import { appOrigin } from './trusted-sender';

/**
 * Applies the workstation's security rules to every web contents and session, before any window
 * exists: no navigation away from the app, no frame navigating anywhere, no new windows, no
 * <webview>, no permissions.
 */
export function hardenApp(devServerOrigin: string | null): void {
  const isAllowed = allowOrigins([appOrigin, ...(devServerOrigin ? [devServerOrigin] : [])]);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAllowed));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
