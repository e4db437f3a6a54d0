import { z } from 'zod';
import type { AdjudicationQueue, LeadDashboardView, QualitySummary } from '../../../shared/contract/methods';
import { allCriteria, MicroCredential, RubricVersion } from '../../../shared/domain/rubric';
import { AccuracyReport, Adjudication, CalibrationSet, QualificationStatus, QualityRules } from '../../../shared/hosted-api/quality';
import { computeDashboard, dashboardCsv, LeadDashboard } from '../../../shared/quality/dashboard';
import { dashboardPdf } from '../../../shared/quality/report';
import type { Db } from '../db/database';
import { DomainError } from '../errors';
import { leadRatingsOf, loadSnapshot, saveSnapshot } from '../repositories/quality';

// What the quality screens show, read from the last synced snapshot: they work offline and say
// how fresh they are. A snapshot this version cannot read counts as never fetched.

export const LeadMeta = z.object({
  credentials: z.array(z.object({ credential: MicroCredential, rubric: RubricVersion })),
  assessors: z.array(z.object({ id: z.string(), displayName: z.string() })),
  rules: z.array(QualityRules),
});
export type LeadMeta = z.infer<typeof LeadMeta>;

function snapshot<T>(db: Db, key: Parameters<typeof loadSnapshot>[1], schema: z.ZodType<T>): { body: T; fetchedAt: string } | null {
  const stored = loadSnapshot(db, key);
  if (!stored) return null;
  const parsed = schema.safeParse(stored.body);
  return parsed.success ? { body: parsed.data, fetchedAt: stored.fetchedAt } : null;
}

export function qualitySummary(db: Db): QualitySummary {
  const qualifications = snapshot(db, 'qualifications', z.array(QualificationStatus));
  return {
    fetchedAt: qualifications?.fetchedAt ?? null,
    qualifications: qualifications?.body ?? [],
    accuracy: snapshot(db, 'accuracy', AccuracyReport)?.body ?? null,
    sets: snapshot(db, 'calibration_sets', z.array(CalibrationSet))?.body ?? [],
  };
}

export function leadDashboard(db: Db, credentialId: string | null): LeadDashboardView {
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  const credentials = (meta?.body.credentials ?? []).map((item) => ({ id: item.credential.id, title: item.credential.title }));
  const assessors = meta?.body.assessors ?? [];
  const chosen = meta?.body.credentials.find((item) => item.credential.id === (credentialId ?? credentials[0]?.id));
  const sets = (snapshot(db, 'calibration_sets', z.array(CalibrationSet))?.body ?? []).filter((set) => set.credentialId === chosen?.credential.id);
  if (!meta || !chosen) return { fetchedAt: meta?.fetchedAt ?? null, credentials, assessors, rules: null, sets, dashboard: null };
  const rules = meta.body.rules.find((rule) => rule.credentialId === chosen.credential.id) ?? null;
  return { fetchedAt: meta.fetchedAt, credentials, assessors, rules, sets, dashboard: dashboardOf(db, meta, chosen.credential.id) };
}

/**
 * The dashboard of one micro-credential, computed from the synced ratings once per sync and kept
 * (a year of a large programme takes about a second to compute; opening it again should not).
 */
export function dashboardOf(db: Db, meta: { body: LeadMeta; fetchedAt: string }, credentialId: string): LeadDashboard | null {
  const chosen = meta.body.credentials.find((item) => item.credential.id === credentialId);
  if (!chosen) return null;
  const cached = snapshot(db, `dashboard:${credentialId}`, LeadDashboard);
  if (cached && cached.fetchedAt === meta.fetchedAt) return cached.body;
  const qualification = meta.body.rules.find((rule) => rule.credentialId === credentialId)?.qualification ?? null;
  const dashboard = computeDashboard({
    credentialId: chosen.credential.id,
    credentialTitle: chosen.credential.title,
    rule: qualification ? { minExactAgreement: qualification.minExactAgreement, maxLevelsOff: qualification.maxLevelsOff } : null,
    criteria: allCriteria(chosen.rubric).map((criterion) => ({ id: criterion.id, title: criterion.title, levels: criterion.levels.map((level) => level.level) })),
    assessors: meta.body.assessors,
    ratings: leadRatingsOf(db, credentialId),
  });
  saveSnapshot(db, `dashboard:${credentialId}`, dashboard, meta.fetchedAt);
  return dashboard;
}

/** After a sync brought new ratings: every dashboard computed now, so opening one is instant. */
export function precomputeDashboards(db: Db): void {
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  if (meta) for (const item of meta.body.credentials) dashboardOf(db, meta, item.credential.id);
}

/** The calibration report of one micro-credential as CSV or PDF (base64, for the renderer to save). */
export function leadExport(db: Db, credentialId: string, format: 'csv' | 'pdf', now: Date): { fileName: string; mimeType: string; base64: string } {
  const view = leadDashboard(db, credentialId);
  if (!view.dashboard) throw new DomainError('not_found', 'There is no synced calibration data for that micro-credential yet.');
  const names = {
    assessor: (id: string) => view.assessors.find((assessor) => assessor.id === id)?.displayName ?? id,
    criterion: (id: string) => view.dashboard?.criteria.find((criterion) => criterion.id === id)?.title ?? id,
  };
  const stamp = now.toISOString().slice(0, 10);
  const fileName = `calibration-report-${credentialId}-${stamp}.${format}`;
  return format === 'csv'
    ? { fileName, mimeType: 'text/csv', base64: Buffer.from(dashboardCsv(view.dashboard, names), 'utf8').toString('base64') }
    : { fileName, mimeType: 'application/pdf', base64: Buffer.from(dashboardPdf(view.dashboard, names, now.toISOString(), view.fetchedAt), 'latin1').toString('base64') };
}

export function adjudicationQueue(db: Db): AdjudicationQueue {
  const stored = snapshot(db, 'adjudications', z.array(Adjudication));
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  const queued = new Set(
    (db.prepare(`SELECT entity_id FROM outbox WHERE kind = 'adjudication_resolution' AND state IN ('pending', 'conflict')`).all() as { entity_id: string }[]).map((row) => row.entity_id),
  );
  return {
    fetchedAt: stored?.fetchedAt ?? null,
    adjudications: (stored?.body ?? []).map((item) => ({ ...item, resolutionQueued: queued.has(item.submissionId) })),
    rubrics: (meta?.body.credentials ?? []).map((item) => item.rubric),
  };
}
