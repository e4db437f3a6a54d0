import { describe, expect, it } from 'vitest';
import type { Lockout } from '../../shared/hosted-api/quality';
import type { Referral } from '../../shared/hosted-api/referrals';
import type { DashboardRating } from '../../shared/quality/dashboard';
import { computeDashboard } from '../../shared/quality/dashboard';
import { reportPdf } from '../../electron/core/lead/report/report-pdf';
import { overlappingText, textBoxesByPdfJs } from '../support/pdf-text';

// The lead's PDF report read back with pdf.js: what it says, and where it says it.

const criteria = ['Context', 'Objectives', 'Engagement', 'Reflection'].map((title, index) => ({ id: `c${index + 1}`, title, levels: [1, 2, 3, 4] }));
const assessors = [
  { id: 'l', displayName: 'Lena Lenient' },
  { id: 'h', displayName: 'Hal Harsh' },
];
const ratings: DashboardRating[] = [];
for (let s = 0; s < 40; s++) {
  for (const criterion of criteria) {
    const level = 1 + ((s * 7 + Number(criterion.id.slice(1))) % 4);
    const at = s < 20 ? '2026-11-03T10:00:00.000Z' : '2026-11-10T10:00:00.000Z';
    ratings.push({ assessorId: 'l', submissionId: `s${s}`, criterionId: criterion.id, level, masterLevel: level, at });
    ratings.push({ assessorId: 'h', submissionId: `s${s}`, criterionId: criterion.id, level: Math.max(1, level - (s % 3 === 0 ? 1 : 0)), masterLevel: level, at });
  }
}
const dashboard = computeDashboard({ credentialId: 'cred', credentialTitle: 'Credit scores', rule: null, criteria, assessors, ratings });
const lockout: Lockout = {
  accountId: 'h',
  credentialId: 'cred',
  since: '2026-11-12T15:00:00.000Z',
  trigger: 'backread',
  figure: 0.25,
  threshold: 0.1,
  window: 4,
  recalibration: { setId: 'set', setTitle: 'Recalibration', scoredItems: 1, requiredItems: 3, required: { exactAgreement: 0.8, maxLevelsOff: 1 }, lastAttempt: null, needsLead: false },
  lifted: null,
};
const referral: Referral = {
  id: '6f1c0a52-8d4e-4c4b-9a57-3a0e3f3d7b11',
  submissionId: 's1',
  label: 'Submission 0001',
  credentialId: 'cred',
  assessor: { id: 'l', displayName: 'Lena Lenient' },
  reason: 'safeguarding',
  state: 'open',
  createdAt: '2026-11-11T09:00:00.000Z',
  messages: [{ id: '0b7f7c1e-3a8e-4f55-8f5e-2d3c4b5a6978', author: { id: 'l', displayName: 'Lena Lenient', role: 'assessor' }, body: 'A pupil says something worrying at 3:10.', at: '2026-11-11T09:00:00.000Z', receivedAt: '2026-11-11T09:00:01.000Z' }],
};

async function read(locale: 'en' | 'es') {
  const pdf = await reportPdf({
    dashboard,
    assessorName: (id) => assessors.find((assessor) => assessor.id === id)?.displayName ?? id,
    fetchedAt: '2026-11-13T08:00:00.000Z',
    lockouts: [lockout, { ...lockout, accountId: 'l', lifted: { at: '2026-11-12T18:00:00.000Z', how: 'lead', by: 'lead', note: 'Spoke with her.' } }],
    referrals: [referral],
    generatedAt: new Date('2026-11-13T09:00:00.000Z'),
    locale,
    timeZone: 'Europe/London',
  });
  return textBoxesByPdfJs(pdf);
}

describe('the calibration report (PDF)', () => {
  it('lists the lockouts and the referrals, in the lead’s language', async () => {
    const en = (await read('en')).text.join(' ').replace(/\s+/g, ' ');
    expect(en).toContain('Lockouts');
    expect(en).toContain('25% of backread criteria overridden in the last 4 decisions (at most 10%)');
    expect(en).toContain('Locked out; recalibration 1 of 3 scored');
    expect(en).toMatch(/Lifted Nov 12, 2026, 6:00\s?PM by a lead/);
    expect(en).toContain('A safeguarding concern about a student');
    expect(en).toContain('Waiting for a lead');
    const es = (await read('es')).text.join(' ').replace(/\s+/g, ' ');
    expect(es).toContain('Bloqueos');
    expect(es).toContain('Una preocupación de protección sobre un estudiante');
  });

  it('says each severity with the figure its bar shows, never "about average" beside a bar that is not', async () => {
    const text = (await read('en')).text.join(' ').replace(/\s+/g, ' ');
    expect(text).not.toContain('about average');
    expect(text).toMatch(/\d\.\d levels (harsher|more lenient)/);
  });

  it('writes nothing over anything else: every matrix’s title sits below the previous matrix', async () => {
    for (const locale of ['en', 'es'] as const) {
      const { boxes } = await read(locale);
      expect(overlappingText(boxes)).toEqual([]);
      for (const [index, criterion] of criteria.entries()) {
        if (index === 0) continue;
        const title = boxes.filter((box) => box.text === criterion.title).at(-1)!; // the matrix's (after the tables)
        // The row above it on its page: the previous matrix's last row of counts and its "Master 4".
        const above = boxes.filter((box) => box.page === title.page && box.y0 > title.y1);
        if (above.length === 0) continue; // the matrix began a page
        const gap = Math.min(...above.map((box) => box.y0)) - title.y1;
        expect(gap, `${locale}: space above the matrix of ${criterion.title}`).toBeGreaterThan(12);
      }
    }
  });
});
