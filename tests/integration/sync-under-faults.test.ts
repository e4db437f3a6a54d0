import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/database';
import { newDatabaseKey } from '../../electron/core/db/database-keys';
import type { Db } from '../../electron/core/db/database';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { drainOutbox } from '../../electron/core/hosted/outbox/drain';
import { outboxJobs } from '../../electron/core/app/outbox-jobs';
import { countByState, enqueue, nextDueAt } from '../../electron/core/repositories/outbox';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';
import { minimalAward } from '../support/decisions';

const root = projectPaths().root;
let serverDir: string;
let localDir: string;
let api: HostedApi;
let db: Db;

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  localDir = tempDir('assessor-local-');
  // 20% of requests misbehave: server errors, throttling, and replies lost after the server acted.
  api = await startHostedApi({
    dataDir: serverDir,
    port: 0,
    openApiFile: defaultOpenApiFile(root),
    faults: { errorRate: 0.08, throttleRate: 0.04, resetRate: 0.04, truncateRate: 0.04, seed: 20261125 },
  });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir, 143); // 1,001 submissions
  db = openDatabase(join(localDir, 'workstation.sqlite'), newDatabaseKey());
});
afterAll(async () => {
  db.close();
  await api.close();
  cleanup(serverDir);
  cleanup(localDir);
});

/** Retries a call through the injected faults (setup only; the sync engine has its own policy). */
async function persist<T>(call: () => Promise<{ ok: true; value: T } | { ok: false }>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await call();
    if (result.ok) return result.value; // a fault: try again at once
  }
  throw new Error('the call never succeeded');
}

describe('offline-first sync against the reference server', () => {
  it('delivers 1,000 decisions exactly once through 20% injected faults', async () => {
    let accessToken: string | null = null;
    const client = new HostedApiClient({ baseUrl: api.url, accessToken: () => accessToken, timeoutMs: 5000 });
    accessToken = (await persist(() => client.signIn('assessor@example.org', seededPassword))).accessToken;
    let leased: string[] = [];
    while (leased.length < 1000) {
      await persist(() => client.claim(200));
      leased = (await persist(() => client.assignments())).assignments.filter((item) => item.state === 'assigned').map((item) => item.submissionId);
    }
    const chosen = leased.slice(0, 1000);
    db.transaction(() => {
      for (const submissionId of chosen) {
        const payload = minimalAward(submissionId, api.store.submission(submissionId)!.rubric, 'Synced under faults.');
        enqueue(db, { kind: 'decision', entityId: submissionId, idempotencyKey: randomUUID(), payload, at: new Date().toISOString() });
      }
    })();

    let rounds = 0;
    let retries = 0;
    // The outbox's clock moves on to the next retry instead of the test waiting for it.
    let ahead = 0;
    const now = (): Date => new Date(Date.now() + ahead);
    while (countByState(db).pending > 0 && rounds < 500) {
      rounds += 1;
      const report = await drainOutbox({ db, client, jobs: outboxJobs, now, backoff: { baseMs: 20, capMs: 500 }, concurrency: 8 });
      retries += report.retrying;
      expect(report.unauthorized).toBe(false);
      const due = nextDueAt(db);
      if (due) ahead = Math.max(ahead, new Date(due).getTime() - Date.now());
    }

    expect(countByState(db)).toEqual({ pending: 0, acknowledged: 1000, conflict: 0, resolved: 0 });
    const onServer = api.store.db
      .prepare(`SELECT count(*) AS decisions, count(DISTINCT submission_id) AS submissions FROM decisions WHERE submission_id IN (${chosen.map(() => '?').join(',')})`)
      .get(...chosen);
    expect(onServer).toEqual({ decisions: 1000, submissions: 1000 });
    expect(api.store.decisionCount()).toBe(1000);
    expect(retries).toBeGreaterThan(100); // the faults really happened, and were retried
  });
});
