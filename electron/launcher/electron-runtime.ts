import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed Electron executable, or null. Read from the package's own `path.txt` rather than
 * `require('electron')`, which since Electron 42 starts a blocking download when the runtime is missing.
 */
export function installedElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const path = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return relative !== '' && existsSync(path) ? path : null;
}

/**
 * The Electron runtime, fetched on first start if `npm install` skipped it (our install policy
 * denies electron's download script). Null when it is not installed and cannot be fetched.
 */
export async function ensureElectronRuntime(root: string): Promise<string | null> {
  const present = installedElectronBinary(root);
  if (present) return present;
  const install = spawn(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: 'ignore',
    timeout: 300_000,
  });
  // Say something only if the download is really under way (where the host is unreachable it fails at once).
  const notice = setTimeout(() => console.log('Fetching the Electron runtime (first desktop start)…'), 2000);
  const status = await new Promise<number | null>((resolve) => {
    install.once('exit', resolve);
    install.once('error', () => resolve(null));
  });
  clearTimeout(notice);
  return status === 0 ? installedElectronBinary(root) : null;
}

/**
 * better-sqlite3-multiple-ciphers (SQLite with encryption) compiled for Electron's Node ABI, kept
 * beside (not over) the Node build that tests and the preview host use. Returns the `.node` file, or
 * null if it cannot be built here. The cache is named after the package, so a build of plain
 * better-sqlite3 left by an older version is never taken for it.
 */
export function ensureElectronSqlite(root: string): string | null {
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const buildDir = join(root, 'node_modules', '.cache', 'electron-sqlite3mc', electronVersion);
  const binding = join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  const source = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  cpSync(source, buildDir, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  console.log(`Building the database driver for Electron ${electronVersion}…`);
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm')] });
  const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: buildDir,
    stdio: 'ignore',
    timeout: 600_000,
  });
  return result.status === 0 && existsSync(binding) ? binding : null;
}
