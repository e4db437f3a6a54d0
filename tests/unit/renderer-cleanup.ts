import { afterEach } from 'vitest';

// Testing Library unmounts what a test rendered only when told to (vitest's globals are off). As a
// setup file this runs for every test file, also when files share one module cache (isolate: false),
// where a hook registered by the harness module would be registered for the first file only.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
