import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadDataWorker } from '../../electron/core/lead/data-worker/lead-data-worker-client';
import { workerScript } from '../../electron/core/process/worker-script';
import { silentLogger } from '../support/silent-logger';
import { manifestOf } from '../support/fake-hosted';
import { projectRoot } from './harness';

// The desktop runs core from its build (the Electron runtime cannot run here): its worker thread,
// built beside core's bundle, must start and answer as the source does.
describe('the desktop build', () => {
  it('starts the built lead-data worker beside core’s bundle and computes the dashboards', async () => {
    const manifest = manifestOf('s1');
    const criterion = manifest.rubric.components[0]!.criteria[0]!;
    const data = {
      generatedAt: '2026-12-05T08:00:00.000Z',
      credentials: [{ credential: manifest.credential, rubric: manifest.rubric }],
      assessors: [{ id: 'a1', displayName: 'One' }],
      rules: [],
      ratings: [{ assessorId: 'a1', credentialId: manifest.credential.id, submissionId: 's1', criterionId: criterion.id, level: 2, masterLevel: 3, source: 'gold', at: '2026-12-01T10:00:00.000Z' }],
    };
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const worker = new LeadDataWorker(workerScript('lead-data-worker', './lead/data-worker/lead-data-worker.ts', join(projectRoot, 'out', 'main')), silentLogger);
    try {
      const result = await worker.compute(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'token');
      expect(result.ok && result.value.dashboards.map((dashboard) => [dashboard.credentialId, dashboard.assessors.map((assessor) => assessor.n)])).toEqual([[manifest.credential.id, [1]]]);
    } finally {
      worker.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
