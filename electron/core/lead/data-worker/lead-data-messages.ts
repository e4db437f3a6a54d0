import { z } from 'zod';
import { LeadData } from '../../../../shared/hosted-api/quality';
import { LeadDashboard } from '../../../../shared/quality/dashboard';
import type { ApiFailure } from '../../hosted/api-client';

// What core's thread and the lead-data worker say to each other.

/** The lead's data without its ratings: what the lead views need besides the dashboards. */
export const LeadMeta = LeadData.pick({ credentials: true, assessors: true, rules: true, lockouts: true, qualifications: true });
export type LeadMeta = z.infer<typeof LeadMeta>;

/** Fetch the lead's ratings with this token and compute every dashboard. */
export interface LeadDataJob {
  serverUrl: string;
  accessToken: string;
}

/** The worker's answer, checked on arrival like anything else that crosses into core. */
export const LeadDataComputed = z.object({ generatedAt: z.string().datetime(), meta: LeadMeta, dashboards: z.array(LeadDashboard) });
export type LeadDataComputed = z.infer<typeof LeadDataComputed>;

export type LeadDataAnswer = { ok: true; value: unknown } | { ok: false; failure: ApiFailure };

/** What the worker answers over its RPC port. */
export type LeadDataWorkerApi = { methods: { compute: { input: LeadDataJob; output: LeadDataAnswer } }; events: Record<never, never> };
