// `npm start`: the desktop window where the Electron runtime is (or can be) installed, otherwise
// the same workstation through the preview host. `npm run preview` goes straight to the latter.
import { spawn } from 'node:child_process';
import { previewOptionsFromArgs, runPreview } from '../preview/run';
import { buildIfStale } from './build-if-stale';
import { ensureElectronRuntime, ensureElectronSqlite } from './electron-runtime';
import { projectPaths } from './project-paths';

async function main(): Promise<void> {
  const { root } = projectPaths();
  const previewOptions = previewOptionsFromArgs(process.argv.slice(2)); // refuses an unknown flag before anything starts
  buildIfStale(root);
  if (!process.argv.includes('--preview')) {
    const electron = await ensureElectronRuntime(root);
    const sqlite = electron ? ensureElectronSqlite(root) : null;
    if (electron && sqlite) {
      const env: NodeJS.ProcessEnv = { ...process.env, ASSESSOR_SQLITE_BINDING: sqlite };
      delete env.ELECTRON_RUN_AS_NODE;
      const child = spawn(electron, [root], { cwd: root, stdio: 'inherit', env });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    console.log(
      electron
        ? 'The database driver could not be built for Electron here, so the workstation opens in the preview host instead.'
        : 'The Electron runtime is not installed and could not be downloaded, so the workstation opens in the preview host instead.',
    );
  }
  await runPreview(previewOptions);
}

main().catch((error: unknown) => {
  console.error(`The workstation could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
