// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Transcript } from '../../../renderer/src/evidence/Transcript';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { renderView, startI18n } from './harness';

const video: EvidenceSummary = { id: 'ev-video', kind: 'video', title: 'Classroom video', mimeType: 'video/webm', bytes: 1000, sha256: 'a'.repeat(64), durationMs: 30_000, availability: 'available', text: null, hasCaptions: true };
const captions = 'WEBVTT\n\n00:00.000 --> 00:04.000\nLet us compare simple and compound interest.\n';

/** The captions file, answered when the test says. */
function captionsArriveLater(): () => void {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  vi.stubGlobal('fetch', vi.fn(async () => {
    await arrived;
    return new Response(captions, { status: 200 });
  }));
  return arrive;
}

const answers = { 'evidence.url': ({ part }: { part: string }) => ({ url: `evidence/ev-video${part === 'captions' ? '/captions' : ''}` }) };
const transcript = (focusRequest: number) => <Transcript evidence={video} positionMs={0} readOnly={false} onSeek={() => {}} onQuote={() => {}} focusRequest={focusRequest} />;

describe('the transcript asked for from the keyboard (T)', () => {
  beforeAll(startI18n);
  afterEach(() => vi.unstubAllGlobals());

  it('puts the focus in its search once the captions have loaded, when T came while they loaded', async () => {
    const arrive = captionsArriveLater();
    const view = renderView(transcript(0), answers);
    view.rerender(transcript(1)); // T, while the captions load
    arrive();
    const search = await screen.findByRole('searchbox', { name: 'Search the transcript' });
    await waitFor(() => expect(document.activeElement).toBe(search));
  });

  it('leaves the focus where it is when the captions load and nobody asked', async () => {
    const arrive = captionsArriveLater();
    renderView(transcript(0), answers);
    arrive();
    await screen.findByRole('searchbox', { name: 'Search the transcript' });
    expect(document.activeElement).toBe(document.body);
  });
});
