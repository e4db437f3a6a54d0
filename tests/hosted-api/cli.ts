// The reference hosted API: `npm run hosted-api -- --port 0 --data DIR --seed demo|large [faults]`.
// Faults (each a share from 0 to 1 of /v1 requests): --error-rate (500/502/503), --throttle-rate
// (429 + Retry-After), --reset-rate (connection reset mid-body), --truncate-rate (half the body),
// --slow-body-rate (body in slow pieces, evidence at about 10 MB/s), --lost-refresh-rate (a session renewal
// carried out whose reply is lost); --latency-ms adds delay; --fault-seed makes them repeatable.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed } from './seed';
import { defaultOpenApiFile, startHostedApi } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    seed: { type: 'string', default: 'demo' },
    'error-rate': { type: 'string', default: '0' },
    'throttle-rate': { type: 'string', default: '0' },
    'reset-rate': { type: 'string', default: '0' },
    'truncate-rate': { type: 'string', default: '0' },
    'slow-body-rate': { type: 'string', default: '0' },
    'lost-refresh-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'fault-seed': { type: 'string', default: '1' },
    'lease-seconds': { type: 'string' },
    'access-ttl-seconds': { type: 'string' },
  },
});

function share(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`--${name} takes a share from 0 to 1, not "${raw}".`);
  return value;
}

async function main(): Promise<void> {
  if (!values.data) throw new Error('--data DIR is required (where the server keeps its database and files).');
  if (values.seed !== 'demo' && values.seed !== 'large') throw new Error('--seed is demo or large.');
  const root = projectPaths().root;
  const api = await startHostedApi({
    dataDir: values.data,
    port: Number(values.port),
    openApiFile: defaultOpenApiFile(root),
    faults: {
      errorRate: share('error-rate', values['error-rate']),
      throttleRate: share('throttle-rate', values['throttle-rate']),
      resetRate: share('reset-rate', values['reset-rate']),
      truncateRate: share('truncate-rate', values['truncate-rate']),
      slowBodyRate: share('slow-body-rate', values['slow-body-rate']),
      lostRefreshRate: share('lost-refresh-rate', values['lost-refresh-rate']),
      latencyMs: Number(values['latency-ms']),
      seed: Number(values['fault-seed']),
    },
    leaseSeconds: values['lease-seconds'] ? Number(values['lease-seconds']) : undefined,
    accessTtlSeconds: values['access-ttl-seconds'] ? Number(values['access-ttl-seconds']) : undefined,
  });
  await seed(api.store, values.seed, join(root, 'resources', 'demo'), values.data);
  console.log(`Hosted API listening on ${api.url}`);
  const stop = (): void => void api.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The hosted API could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
