// A worker thread of core: fetches the lead's ratings (about 100 MB of JSON for a year of a large
// programme), checks them against the contract and computes every dashboard. None of that runs on
// core's own thread, so scoring calls answer while it works. It opens no database: core's thread
// stores what it answers (the dashboards), and remains the only writer.
import { parentPort } from 'node:worker_threads';
import { dashboardsOf } from '../../../../shared/quality/dashboard';
import type { SeverityMemo } from '../../../../shared/quality/dashboard';
import { connectRpc } from '../../../../shared/rpc/peer';
import type { NoApi } from '../../../../shared/rpc/peer';
import { HostedApiClient } from '../../hosted/api-client';
import type { LeadDataAnswer, LeadDataComputed, LeadDataJob, LeadDataWorkerApi } from './lead-data-messages';

/** Severities fitted on earlier fetches: refitted only when the ratings changed. */
const severityMemo: SeverityMemo = new Map();

async function compute(job: LeadDataJob): Promise<LeadDataAnswer> {
  try {
    const result = await new HostedApiClient({ baseUrl: job.serverUrl, accessToken: () => job.accessToken }).leadRatings();
    if (!result.ok) return { ok: false, failure: result.failure };
    const { generatedAt, credentials, assessors, rules, lockouts, qualifications } = result.value;
    const value: LeadDataComputed = { generatedAt, meta: { credentials, assessors, rules, lockouts, qualifications }, dashboards: dashboardsOf(result.value, severityMemo) };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, failure: { kind: 'malformed', message: error instanceof Error ? error.message : 'the lead data could not be computed' } };
  }
}

if (!parentPort) throw new Error('lead-data-worker runs as a worker thread of core');
connectRpc<LeadDataWorkerApi, NoApi>(parentPort, { serve: { compute } });
