// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadingNotes } from '../../../renderer/src/lead/ReadingNotes';
import { startI18n } from './harness';

beforeAll(startI18n);

const comment = (id: string, evidenceId: string, extra: { startMs?: number; page?: number; region?: { x: number; y: number; width: number; height: number } }) => ({
  id,
  evidenceId,
  startMs: extra.startMs ?? null,
  endMs: null,
  page: extra.page ?? null,
  quote: null,
  region: extra.region ?? null,
  body: `About ${evidenceId}.`,
  tag: 'note' as const,
  visibility: 'candidate' as const,
  criterionIds: [],
});

describe('a reading’s comments as a lead reads them', () => {
  it('places each by its evidence item’s kind: a moment, a page, or an image or response without a page', () => {
    const reading = {
      assessor: { id: 'a1', displayName: 'Ada' },
      outcome: 'award' as const,
      scores: [],
      comments: [comment('c1', 'vid', { startMs: 12_000 }), comment('c2', 'doc', { page: 2 }), comment('c3', 'img', { page: 1, region: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 } }), comment('c4', 'txt', { page: 1 })],
      overallFeedback: '',
      decidedAt: '2026-12-07T09:00:00.000Z',
    };
    const evidence = [
      { id: 'vid', kind: 'video' as const, title: 'Lesson' },
      { id: 'doc', kind: 'document' as const, title: 'Plan' },
      { id: 'img', kind: 'image' as const, title: 'Board' },
      { id: 'txt', kind: 'text' as const, title: 'Reflection' },
    ];
    render(<ReadingNotes reading={reading} evidence={evidence} />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['0:12 · About vid.', 'p. 2 · About doc.', 'image · area · About img.', 'response · About txt.']);
  });
});
