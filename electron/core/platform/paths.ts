import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'Assessor Workstation';

/**
 * Where a host without the OS keychain keeps the database key and the session's secrets: a 0700
 * folder beside the data folder, never inside it, so a copy of the data folder carries no key.
 */
export function keysFolderFor(dataDir: string): string {
  // Resolved first: "/data/." or "/data/" must not put the keys inside the data folder.
  return `${resolve(dataDir)}-keys`;
}

/**
 * The OS's app-data folder for the workstation; the same place Electron's `userData` points to
 * for this product name, so the desktop and preview hosts share one workspace by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ASSESSOR_DATA_DIR) return env.ASSESSOR_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}
