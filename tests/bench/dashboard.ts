import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import type { LeadRating } from '../../shared/hosted-api/quality';
import { replaceLeadRatings, saveSnapshot } from '../../electron/core/repositories/quality';
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
          ratings.push({ assessorId: `bench-assessor-${assessor}`, credentialId: credential.id, submissionId, criterionId, level, masterLevel: master, source: 'calibration', at });
        });
      }
    }
  }
  return { credential, rubric, ratings };
}

/** Lead dashboard: core computation, and first paint in Chromium from the synced data (offline). */
export async function benchDashboard(rows: Row[], browser: Browser): Promise<void> {
  const dataDir = freshDataDir();
  const { credential, rubric, ratings } = yearOfRatings();
  // A lead signed in earlier, now offline (nothing listens on port 9): the dashboard shows the last synced data.
  const session = { serverUrl: 'http://127.0.0.1:9', accessToken: 'offline', refreshToken: 'offline-refresh-token-0000', account: { id: 'bench-lead', email: 'lead@example.org', displayName: 'Lead', roles: ['assessor', 'lead'] } };
  writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ evidenceKey: '0'.repeat(64), session, lastServerUrl: session.serverUrl, downloadsPaused: false, workOwner: null }), { mode: 0o600 });
  const fixture = openTestCore({ dataDir });
  const now = new Date().toISOString();
  replaceLeadRatings(fixture.core.db, ratings);
  saveSnapshot(fixture.core.db, 'lead_meta', { credentials: [{ credential, rubric }], assessors: Array.from({ length: assessors }, (_, index) => ({ id: `bench-assessor-${index}`, displayName: `Assessor ${index + 1}` })), rules: [] }, now);
  const timeDashboard = (): number => {
    const started = performance.now();
    const result = fixture.core.invoke('lead.dashboard', { credentialId: credential.id });
    if (!result.ok) throw new Error(result.error.message);
    return performance.now() - started;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 5; run++) {
    fixture.core.db.prepare(`DELETE FROM quality_snapshot WHERE key LIKE 'dashboard:%'`).run(); // as right after a sync
    cold.push(timeDashboard());
    warm.push(timeDashboard());
  }
  fixture.core.close();
  rows.push({ name: `lead dashboard computed in core after a sync (${ratings.length.toLocaleString('en')} ratings: 100 assessors × 20 criteria × 1 year)`, summary: summarize(cold), unit: 'ms', target: '' });
  rows.push({ name: 'lead dashboard read again in core (kept until the next sync)', summary: summarize(warm), unit: 'ms', target: '' });

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
