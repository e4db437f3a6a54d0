// Vitest global setup of the projects that serve the built workstation (the preview host serves
// out/renderer; the desktop build test starts out/main's worker): build it first unless it is newer
// than every source, so that running one of their files alone never tests a missing or stale build;
// then bundle the hosts tests start as processes (see test-hosts.ts), from the sources as they are now.
import { buildIfStale } from '../../electron/launcher/build-if-stale';
import { projectPaths } from '../../electron/launcher/project-paths';
import { bundleTestHosts } from './test-hosts';

export default function setup(): void {
  const { root } = projectPaths();
  buildIfStale(root);
  bundleTestHosts(root);
}
