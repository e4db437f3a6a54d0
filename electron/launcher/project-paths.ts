import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Locations inside a source checkout (the launcher and preview host run from one). */
export function projectPaths(): { root: string; resources: string; rendererBuild: string; version: string } {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    root,
    resources: join(root, 'resources'),
    rendererBuild: join(root, 'out', 'renderer'),
    version: pkg.version,
  };
}
