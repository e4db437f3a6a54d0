// The lead's screens, read from the last synced snapshots (they work offline and say how fresh they are).
import { z } from 'zod';
import type { AdjudicationQueue, BackreadQueue, LeadDashboardView, ParsedInput } from '../../../shared/contract/methods';
import { Backread } from '../../../shared/hosted-api/backreading';
import { Adjudication } from '../../../shared/hosted-api/quality';
import { ReferralList } from '../../../shared/hosted-api/referrals';
import { dashboardCsv, LeadDashboard } from '../../../shared/quality/dashboard';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { listPendingEntityIds } from '../repositories/outbox';
import { loadSnapshotAs as snapshot } from '../repositories/quality';
import { calibrationSets } from '../calibration/qualification';
import { LeadMeta } from './data-worker/lead-data-messages';
import { adjudicationResolutionJob } from './outbox/adjudication-resolution';
import { backreadReviewJob } from './outbox/backread-review';
import { lockoutEntity, lockoutLiftJob } from './outbox/lockout-lift';

/** `updating`: newly fetched ratings are being computed in the worker; what shows is the last result. */
export function leadDashboard(db: Db, credentialId: string | null, updating: boolean): LeadDashboardView {
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  const credentials = (meta?.body.credentials ?? []).map((item) => ({ id: item.credential.id, title: item.credential.title }));
  const assessors = meta?.body.assessors ?? [];
  const chosen = meta?.body.credentials.find((item) => item.credential.id === (credentialId ?? credentials[0]?.id));
  const sets = calibrationSets(db).filter((set) => set.credentialId === chosen?.credential.id);
  if (!meta || !chosen) return { fetchedAt: meta?.fetchedAt ?? null, credentials, assessors, rules: null, sets, dashboard: null, lockouts: [], qualifications: [], updating };
  const rules = meta.body.rules.find((rule) => rule.credentialId === chosen.credential.id) ?? null;
  const liftsQueued = new Set(listPendingEntityIds(db, lockoutLiftJob.kind));
  const lockouts = meta.body.lockouts
    .filter((lockout) => lockout.credentialId === chosen.credential.id)
    .map((lockout) => ({ ...lockout, liftQueued: !lockout.lifted && liftsQueued.has(lockoutEntity(lockout)) }));
  // Computed from the same fetch as the meta, or not shown (the figures would not match the lists).
  const dashboard = snapshot(db, `dashboard:${chosen.credential.id}`, LeadDashboard);
  const qualifications = meta.body.qualifications.filter((standing) => standing.credentialId === chosen.credential.id).map(({ accountId, status, attempt }) => ({ accountId, status, attempt }));
  return { fetchedAt: meta.fetchedAt, credentials, assessors, rules, sets, dashboard: dashboard?.fetchedAt === meta.fetchedAt ? dashboard.body : null, lockouts, qualifications, updating };
}

/** The calibration report of one micro-credential as CSV or PDF (base64, for the renderer to save). */
export async function leadExport(db: Db, { credentialId, format, locale, timeZone }: ParsedInput<'lead.export'>, now: Date): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const view = leadDashboard(db, credentialId, false);
  if (!view.dashboard) throw new DomainError('not_found', 'There is no synced calibration data for that micro-credential yet.');
  const assessor = (id: string): string => view.assessors.find((candidate) => candidate.id === id)?.displayName ?? id;
  const names = { assessor, criterion: (id: string) => view.dashboard?.criteria.find((criterion) => criterion.id === id)?.title ?? id };
  const stamp = now.toISOString().slice(0, 10);
  const fileName = `calibration-report-${credentialId}-${stamp}.${format}`;
  if (format === 'csv') return { fileName, mimeType: 'text/csv', base64: Buffer.from(dashboardCsv(view.dashboard, names), 'utf8').toString('base64') };
  // Loaded when a lead first exports a PDF: pdfkit and its fonts cost every start of core ~0.1 s otherwise.
  const { reportPdf } = await import('./report/report-pdf');
  const referrals = (snapshot(db, 'lead_referrals', ReferralList)?.body.referrals ?? []).filter((referral) => referral.credentialId === credentialId);
  const pdf = await reportPdf({ dashboard: view.dashboard, assessorName: assessor, fetchedAt: view.fetchedAt, lockouts: view.lockouts, referrals, generatedAt: now, locale, timeZone });
  return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

export function backreadQueue(db: Db): BackreadQueue {
  const stored = snapshot(db, 'backreads', z.array(Backread));
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  const queued = new Set(listPendingEntityIds(db, backreadReviewJob.kind));
  return {
    fetchedAt: stored?.fetchedAt ?? null,
    backreads: (stored?.body ?? []).map((item) => ({ ...item, reviewQueued: queued.has(item.submissionId) })),
    rubrics: (meta?.body.credentials ?? []).map((item) => item.rubric),
  };
}

export function adjudicationQueue(db: Db): AdjudicationQueue {
  const stored = snapshot(db, 'adjudications', z.array(Adjudication));
  const meta = snapshot(db, 'lead_meta', LeadMeta);
  const queued = new Set(listPendingEntityIds(db, adjudicationResolutionJob.kind));
  return {
    fetchedAt: stored?.fetchedAt ?? null,
    adjudications: (stored?.body ?? []).map((item) => ({ ...item, resolutionQueued: queued.has(item.submissionId) })),
    rubrics: (meta?.body.credentials ?? []).map((item) => item.rubric),
  };
}
