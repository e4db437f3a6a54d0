import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardsOf } from '../../shared/quality/dashboard';
import { silentLogger } from '../support/silent-logger';
import { LeadDataWorker } from '../../electron/core/lead/data-worker/lead-data-worker-client';
import { workerScript } from '../../electron/core/process/worker-script';
import { manifestOf } from '../support/fake-hosted';

const manifest = manifestOf('s1');
const criteria = manifest.rubric.components.flatMap((component) => component.criteria);
const data = {
  generatedAt: '2026-12-05T08:00:00.000Z',
  credentials: [{ credential: manifest.credential, rubric: manifest.rubric }],
  assessors: [{ id: 'a1', displayName: 'One' }, { id: 'a2', displayName: 'Two' }],
  rules: [],
  ratings: ['a1', 'a2'].flatMap((assessorId, rater) =>
    criteria.map((criterion, index) => ({ assessorId, credentialId: manifest.credential.id, submissionId: `s${index % 3}`, criterionId: criterion.id, level: 1 + ((index + rater) % 4), masterLevel: 1 + (index % 4), source: 'calibration' as const, evidence: null, at: `2026-11-${String(10 + index).padStart(2, '0')}T10:00:00.000Z` })),
  ),
};
let server: Server;
let url: string;
const tokens: string[] = [];
let worker: LeadDataWorker;

beforeAll(async () => {
  server = createServer((request, response) => {
    const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
    tokens.push(token);
    if (token !== 'good-token') return void response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'token_expired', message: 'expired' } }));
    const body = request.url === '/v1/lead/ratings' ? JSON.stringify(data) : '{"not":"lead data"}';
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worker = new LeadDataWorker(workerScript('lead-data-worker', './lead/data-worker/lead-data-worker.ts', undefined), silentLogger);
});
afterAll(async () => {
  worker.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the lead-data worker thread', () => {
  it('fetches and checks the lead’s ratings and computes the same dashboards core would', async () => {
    const result = await worker.compute(url, 'good-token');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.generatedAt).toBe(data.generatedAt);
    expect(result.value.meta.assessors).toEqual(data.assessors);
    expect(result.value.dashboards).toEqual(dashboardsOf(data));
  });

  it('says a lapsed token is unauthorized (core renews it and asks again), and a dead server is a network failure', async () => {
    expect(await worker.compute(url, 'old-token')).toMatchObject({ ok: false, failure: { kind: 'unauthorized', code: 'token_expired' } });
    expect(await worker.compute('http://127.0.0.1:9', 'good-token')).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('answers several jobs in turn from one thread', async () => {
    const answers = await Promise.all([worker.compute(url, 'good-token'), worker.compute(url, 'old-token'), worker.compute(url, 'good-token')]);
    expect(answers.map((answer) => answer.ok)).toEqual([true, false, true]);
  });
});
