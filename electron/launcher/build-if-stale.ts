import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sourceDirs = ['electron', 'renderer', 'shared'];
const outputs = ['out/main/index.js', 'out/main/core.js', 'out/preload/index.js', 'out/renderer/index.html'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds main, preload and renderer with electron-vite unless the build is newer than every source. */
export function buildIfStale(root: string): void {
  const built = outputs.map((file) => join(root, file));
  if (built.every(existsSync)) {
    const oldestOutput = Math.min(...built.map((file) => statSync(file).mtimeMs));
    const newestSource = Math.max(...sourceDirs.map((dir) => newestMtime(join(root, dir))), statSync(join(root, 'electron.vite.config.ts')).mtimeMs);
    if (oldestOutput >= newestSource) return;
  }
  console.log('Building the workstation (electron-vite)…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('The build failed; run `npm run build` to see why.');
}
