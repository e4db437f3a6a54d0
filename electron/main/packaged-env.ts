/**
 * `ASSESSOR_SQLITE_BINDING` points core at a native module built for Electron's ABI (what `npm start`
 * builds into node_modules/.cache). A packaged app ships its own, rebuilt by electron-builder, and
 * must never load native code from a path anyone can put in its environment.
 */
export function sqliteBindingOverride(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  return isPackaged ? '' : (env.ASSESSOR_SQLITE_BINDING ?? '');
}
