import { afterEach } from 'vitest';

// Testing Library unmounts what a test rendered only when told to (vitest's globals are off). As a
// setup file this runs for every test file, also when files share one module cache (isolate: false),
// where a hook registered by the harness module would be registered for the first file only.
// `npm test` runs these files beside the typecheck and lint: a wait for what a view shows (findBy…,
// waitFor) gets 5 s rather than Testing Library's 1 s, so that a busy machine is not a failure.
if (typeof document !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
  afterEach(cleanup);
}
