// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { anchorLabel, anchorPhrase } from '../../../renderer/src/comments/anchor';
import { CommentList } from '../../../renderer/src/comments/CommentList';
import { comment, rubric } from './fixtures';
import { renderView, startI18n } from './harness';

// Words for where a comment sits, by the kind of evidence: an image or a written response has no
// pages and is not watched.

beforeAll(startI18n);

const item = (id: string, kind: EvidenceSummary['kind'], title: string): EvidenceSummary =>
  ({ id, kind, title, mimeType: 'application/octet-stream', bytes: 1, durationMs: null, availability: 'available', hasCaptions: false }) as EvidenceSummary;

describe('where a comment sits, in words', () => {
  const t = i18next.getFixedT('en');
  const untimed = comment({ startMs: null, page: 1 });

  it('names an image or a response for what it is, a document by page, a recording by time', () => {
    expect(anchorLabel(untimed, t, 'image')).toBe('image');
    expect(anchorLabel(untimed, t, 'text')).toBe('response');
    expect(anchorLabel({ ...untimed, page: 3 }, t, 'document')).toBe('p. 3');
    expect(anchorLabel(comment({ startMs: 12_000 }), t, 'video')).toBe('0:12');
    expect(anchorPhrase(untimed, t, 'image')).toBe('on the image');
    expect(anchorPhrase(untimed, t, 'text')).toBe('on the response');
    expect(anchorPhrase(comment({ startMs: 12_000, endMs: 20_000 }), t, 'video')).toBe('at 0:12–0:20');
    expect(anchorPhrase({ ...untimed, page: 2 }, t, 'document')).toBe('at p. 2');
    const es = i18next.getFixedT('es');
    expect(anchorPhrase(untimed, es, 'text')).toBe('sobre la respuesta');
  });

  it('says how to comment on the evidence shown (“while watching” only on a recording, whatever else the submission holds), and labels its comments by kind', () => {
    const evidence = [item('vid', 'video', 'Classroom video'), item('img', 'image', 'Student work'), item('txt', 'text', 'Written reflection')];
    const shown = (comments: ReturnType<typeof comment>[], showingRecording = false) =>
      renderView(<CommentList comments={comments} evidence={evidence} criteria={rubric.components.flatMap((component) => component.criteria)} editingId={null} currentId={null} readOnly={false} showingRecording={showingRecording} onSelect={() => undefined} onEdit={() => undefined} onChange={() => undefined} onDelete={() => undefined} />);
    const empty = shown([]);
    expect(screen.getByText(/^No comments yet\. Press C to comment on the evidence shown/)).toBeTruthy();
    expect(screen.queryByText(/while watching/)).toBeNull();
    empty.unmount();
    const onVideo = shown([], true);
    expect(screen.getByText(/while watching/)).toBeTruthy();
    onVideo.unmount();
    shown([comment({ id: 'k1', evidenceId: 'img', startMs: null, page: 1 }), comment({ id: 'k2', evidenceId: 'txt', startMs: null, page: 1 })]);
    expect(screen.getByRole('button', { name: 'Edit the comment on the image' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete the comment on the response' })).toBeTruthy();
    expect(screen.queryByText('p. 1')).toBeNull();
  });
});
