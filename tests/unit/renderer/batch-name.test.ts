// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchName, distinctNames } from '../../../renderer/src/queue/batch-name';
import { batch } from './fixtures';
import { startI18n } from './harness';

beforeAll(startI18n);

describe('a claimed batch’s name', () => {
  const t = i18next.getFixedT('en');
  it('starts with what it holds, so two claims cut short in the rail still read apart', () => {
    expect(batchName(batch('b1', { credentials: ['Credit scores'], total: 10 }), t, 'en')).toMatch(/^Credit scores · claimed Dec 1, 2026, .+ · 10 submissions$/);
    expect(batchName(batch('b2', { credentials: ['Compound interest', 'Credit scores', 'Risk'], total: 1 }), t, 'en')).toMatch(/^Compound interest and 2 more · claimed .+ · 1 submission$/);
    expect(batchName(batch('b3', { credentials: ['Riesgo'] }), i18next.getFixedT('es'), 'es')).toMatch(/^Riesgo · reclamado el .+ · 3 entregas$/);
  });

  it('says when it was claimed first while its contents are not known (an older record)', () => {
    expect(batchName(batch('b4'), t, 'en')).toMatch(/^Claimed Dec 1, 2026/);
  });
});

describe('a lead’s review batch', () => {
  it('is named by its submission first and as a lead’s review (adjudication, backreading and referrals alike)', () => {
    const review = batch('review-s1', { kind: 'review', label: 'Submission 0001' });
    expect([batchName(review, i18next.getFixedT('en'), 'en'), batchName(review, i18next.getFixedT('es'), 'es')]).toEqual(['Submission 0001 · lead review', 'Submission 0001 · revisión de líder']);
  });
});

describe('batches with the same name', () => {
  it('are told apart by their order (claimed in the same minute), the others left as they are', () => {
    const t = i18next.getFixedT('en');
    const batches = [batch('a', { credentials: ['Risk'] }), batch('b', { credentials: ['Risk'] }), batch('c', { credentials: ['Credit'] })];
    expect(distinctNames(batches, (one) => batchName(one, t, 'en')).map(([, name]) => name.replace(/claimed .+ ·/, 'claimed … ·'))).toEqual([
      'Risk · claimed … · 3 submissions (1)',
      'Risk · claimed … · 3 submissions (2)',
      'Credit · claimed … · 3 submissions',
    ]);
  });
});
