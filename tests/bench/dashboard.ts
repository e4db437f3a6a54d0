import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import { LeadData } from '../../shared/hosted-api/quality';
import type { LeadRating } from '../../shared/hosted-api/quality';
import { dashboardsOf } from '../../shared/quality/dashboard';
import { silentLogger } from '../support/silent-logger';
import { LeadDataWorker } from '../../electron/core/lead/data-worker/lead-data-worker-client';
import { replaceLeadSnapshots } from '../../electron/core/repositories/quality';
import type { Core } from '../../electron/core/app/service';
import { workerScript } from '../../electron/core/process/worker-script';
import { freshDataDir, startPreview } from '../e2e/harness';
import { openTestCore } from '../support/core-fixture';
import { summarize } from './stats';
import type { Row } from './stats';

const assessors = 100;
const criteria = 20;
const weeks = 52;
const itemsPerWeek = 5;

/** A year of a large programme: 100 assessors, a 20-criterion rubric, five rated items each a week. */
export function yearOfRatings(): { credential: MicroCredential; rubric: RubricVersion; ratings: LeadRating[] } {
  const levels = [1, 2, 3, 4].map((level) => ({ level, label: `Level ${level}`, descriptor: `Descriptor ${level}` }));
  const criterionIds = Array.from({ length: criteria }, (_, index) => `bench-c${index + 1}`);
  const credential: MicroCredential = { id: 'bench-credential', title: 'Bench credential', issuer: 'Bench', stack: '', competency: '' };
  const rubric: RubricVersion = {
    id: 'bench-rubric',
    credentialId: credential.id,
    version: 1,
    passRule: { passingLevel: 3, maxCriteriaBelowPassing: 0, minimumTotal: null },
    components: [0, 1].map((component) => ({
      id: `bench-component-${component}`,
      title: `Component ${component + 1}`,
      description: '',
      criteria: criterionIds.slice(component * 10, component * 10 + 10).map((id) => ({ id, title: `Criterion ${id}`, description: '', passingLevel: null, levels })),
    })),
  };
  let state = 7;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const start = Date.UTC(2025, 10, 24);
  const ratings: LeadRating[] = [];
  for (let week = 0; week < weeks; week++) {
    for (let item = 0; item < itemsPerWeek * 4; item++) {
      const submissionId = `bench-sub-${week}-${item}`;
      const masters = criterionIds.map(() => 1 + Math.floor(random() * 4));
      // Each item is scored by a quarter of the assessors (five items per assessor a week).
      for (let assessor = item % 4; assessor < assessors; assessor += 4) {
        const at = new Date(start + week * 7 * 86_400_000 + assessor * 60_000).toISOString();
        criterionIds.forEach((criterionId, index) => {
          const master = masters[index]!;
          const level = Math.min(4, Math.max(1, master + (random() < 0.25 ? (random() < 0.5 ? -1 : 1) : 0)));
          ratings.push({ assessorId: `bench-assessor-${assessor}`, credentialId: credential.id, submissionId, criterionId, level, masterLevel: master, source: 'calibration', evidence: null, at });
        });
      }
    }
  }
  return { credential, rubric, ratings };
}

/**
 * Serves the year of ratings as the hosted API's `GET /v1/lead/ratings` would (any bearer token
 * passes), from a process of its own: in life the server is elsewhere, and must not take core's thread here.
 */
async function serveLeadData(file: string): Promise<{ url: string; close: () => void }> {
  const program = `
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    const server = require('node:http').createServer((request, response) => {
      if (request.url !== '/v1/lead/ratings') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.on('data', (chunk: Buffer) => /listening on (\d+)/.exec(chunk.toString())?.[1] && resolve(/listening on (\d+)/.exec(chunk.toString())![1]!)));
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

/**
 * Scoring writes issued every 5 ms, each timed from when it was due to when core answered: what an
 * assessor's keypress waits. Runs until `during` settles.
 */
async function writesWhile(core: Core, during: Promise<unknown>): Promise<number[]> {
  const criteria = ['cs-ov-context', 'cs-ov-objectives', 'cs-ev-factors', 'cs-ev-engagement'];
  const samples: number[] = [];
  let done = false;
  void during.finally(() => (done = true));
  for (let index = 0; !done || samples.length < 50; index++) {
    const due = performance.now() + 5;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = core.invoke('draft.setScore', { submissionId: 'demo-sub-001', criterionId: criteria[index % criteria.length]!, level: (index % 4) + 1 });
    if (!result.ok) throw new Error(result.error.message);
    samples.push(performance.now() - due);
  }
  return samples;
}

/**
 * Lead dashboard: the lead's ratings fetched and computed in the worker thread (and how long a
 * scoring write waits meanwhile, against the same computation on core's own thread, as it was),
 * then the first paint in Chromium from the stored result.
 */
export async function benchDashboard(rows: Row[], browser: Browser): Promise<void> {
  const dataDir = freshDataDir();
  const { credential, rubric, ratings } = yearOfRatings();
  const assessorList = Array.from({ length: assessors }, (_, index) => ({ id: `bench-assessor-${index}`, displayName: `Assessor ${index + 1}` }));
  const data = { generatedAt: new Date().toISOString(), credentials: [{ credential, rubric }], assessors: assessorList, rules: [], ratings };
  const json = JSON.stringify(data);
  writeFileSync(join(dataDir, 'lead-data.json'), json);
  const server = await serveLeadData(join(dataDir, 'lead-data.json'));
  const worker = new LeadDataWorker(workerScript('lead-data-worker', './lead/data-worker/lead-data-worker.ts', undefined), silentLogger);
  // A lead signed in earlier, now offline (nothing listens on port 9): the dashboard shows the last synced data.
  const session = { serverUrl: 'http://127.0.0.1:9', accessToken: 'offline', refreshToken: 'offline-refresh-token-0000', account: { id: 'bench-lead', email: 'lead@example.org', displayName: 'Lead', roles: ['assessor', 'lead'] } };
  writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ evidenceKey: '0'.repeat(64), session, lastServerUrl: session.serverUrl }), { mode: 0o600 });
  const fixture = openTestCore({ dataDir });
  const label = `${ratings.length.toLocaleString('en')} ratings: 100 assessors × 20 criteria × 1 year`;
  try {
    await worker.compute(server.url, 'bench'); // the worker started and warm
    const computeTimes: number[] = [];
    const duringWorker: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const job = worker.compute(server.url, 'bench').then((result) => {
        if (!result.ok) throw new Error(result.failure.kind);
        computeTimes.push(performance.now() - started);
        return result.value;
      });
      duringWorker.push(...(await writesWhile(fixture.core, job)));
      const computed = await job;
      replaceLeadSnapshots(fixture.db, computed.meta, computed.dashboards.map((body) => ({ credentialId: body.credentialId, body })), computed.generatedAt);
    }
    const idle = await writesWhile(fixture.core, new Promise((resolve) => setTimeout(resolve, 3000)));
    // As it was: the same work on core's own thread (the answer parsed and checked, the dashboards computed), between the same writes.
    const onCoreThread = await writesWhile(fixture.core, new Promise((resolve) => setTimeout(() => resolve(dashboardsOf(LeadData.parse(JSON.parse(json)))), 100)));
    const idleRow = { name: 'idle', summary: summarize(idle) };
    rows.push({ name: `lead data fetched + checked + dashboards computed in the worker (${label})`, summary: summarize(computeTimes), unit: 'ms', target: '' });
    rows.push({ name: 'baseline: scoring write, keypress → answer, core idle', summary: idleRow.summary, unit: 'ms', target: '' });
    rows.push({ name: 'scoring write, keypress → answer, while the worker recomputes the dashboards', summary: summarize(duringWorker), unit: 'ms', target: 'p99 unaffected', baseline: idleRow });
    rows.push({ name: 'scoring write, keypress → answer, lead data parsed + checked + computed on core’s thread (as before)', summary: summarize(onCoreThread), unit: 'ms', target: '', baseline: idleRow });
    const reads: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      const result = fixture.core.invoke('lead.dashboard', { credentialId: credential.id });
      if (!result.ok) throw new Error(result.error.message);
      reads.push(performance.now() - started);
    }
    rows.push({ name: 'lead dashboard read in core (stored after the fetch)', summary: summarize(reads), unit: 'ms', target: '' });
  } finally {
    fixture.core.close();
    worker.close();
    server.close();
  }

  const preview = await startPreview({ dataDir });
  const paints: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(preview.url);
    for (let run = 0; run < 6; run++) {
      await page.getByRole('button', { name: 'Scoring' }).click();
      await page.evaluate(() => performance.clearMarks());
      await page.evaluate(() => performance.mark('dashboard-open'));
      await page.getByRole('button', { name: 'Calibration dashboard' }).click();
      await page.waitForFunction(() => performance.getEntriesByName('dashboard-painted').length > 0, undefined, { timeout: 60_000 });
      paints.push(await page.evaluate(() => performance.getEntriesByName('dashboard-painted')[0]!.startTime - performance.getEntriesByName('dashboard-open')[0]!.startTime));
    }
    await page.close();
  } finally {
    await preview.stop();
  }
  rows.push({ name: 'lead dashboard first paint in Chromium (same year of data)', summary: summarize(paints), unit: 'ms', target: '' });
}
