import { useTranslation } from 'react-i18next';
import type { CommentRegion, EvidenceComment } from '../../../shared/domain/comment';
import type { EvidenceKind, EvidenceSummary } from '../../../shared/domain/submission';
import { formatMediaTime } from '../../../shared/format/media-time';
import { anchorPhrase } from '../comments/anchor';
import { formatBytes } from '../format';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import * as Tabs from '@radix-ui/react-tabs';
import { Hint } from '../ui/Hint';
import { lazy, Suspense, useState } from 'react';
import { ImageViewer } from './ImageViewer';
import { RegionLayer } from './RegionLayer';
import type { MediaController } from './media-controller';
import { TextViewer } from './TextViewer';
import { useEvidenceUrls } from './use-evidence-urls';

// The heavy viewers load on first use, so the queue paints without waiting for them.
const VideoViewer = lazy(() => import('./VideoViewer').then((module) => ({ default: module.VideoViewer })));
const PdfViewer = lazy(() => import('./PdfViewer').then((module) => ({ default: module.PdfViewer })));

interface Props {
  evidence: EvidenceSummary[];
  comments: EvidenceComment[];
  selectedId: string;
  pages: Record<string, number>;
  startAt: (evidenceId: string) => number;
  markInMs: number | null;
  readOnly: boolean;
  onSelect: (evidenceId: string) => void;
  onPage: (evidenceId: string, page: number) => void;
  onController: (controller: MediaController | null) => void;
  onPosition: (evidenceId: string, ms: number) => void;
  onPlayingChange: (playing: boolean) => void;
  onAddComment: () => void;
  /** The assessor marked a region on an image or page: a comment starts there. */
  onRegionComment: (region: CommentRegion) => void;
  /** The comment being edited or picked (its region stands out). */
  currentCommentId: string | null;
  onPickComment: (comment: EvidenceComment) => void;
  /** Moves the evidence to a window of its own (absent in that window itself). */
  onOpenWindow?: () => void;
}

export const isTimed = (item: Pick<EvidenceSummary, 'kind'>): boolean => item.kind === 'video' || item.kind === 'audio';
/** Evidence a region can be marked on. */
/** The comment button and its hint, worded for what is shown (an image or a response has no pages and is not watched). */
const addCommentKey: Record<EvidenceKind, string> = { video: 'comments.addAtTime', audio: 'comments.addAtTime', document: 'comments.addOnPage', image: 'comments.addOnImage', text: 'comments.addOnResponse' };
const commentHintKey: Record<EvidenceKind, string> = { video: 'comments.timedHint', audio: 'comments.timedHint', document: 'comments.quoteHint', image: 'regions.hint', text: 'comments.quoteHint' };
const isMarkable = (item: Pick<EvidenceSummary, 'kind'>): boolean => item.kind === 'image' || item.kind === 'document';

/** Evidence items as tabs (←/→ between tabs), the selected one in its viewer, and the comment button. */
export function EvidencePane(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { evidence, selectedId, onSelect } = props;
  const selected = evidence.find((item) => item.id === selectedId) ?? evidence[0];
  const { urls, renew } = useEvidenceUrls(selected);
  /** The evidence a region is being marked on: moving to other evidence ends the marking. */
  const [drawingOn, setDrawingOn] = useState<string | null>(null);
  const canMark = !!selected && isMarkable(selected) && !props.readOnly;
  const drawing = canMark && drawingOn === selected.id;
  const toggleDrawing = (): void => setDrawingOn(drawing || !selected ? null : selected.id);
  useShortcutHandlers({
    onAction: (action) => {
      if (action !== 'markRegion' || !canMark) return false;
      toggleDrawing();
      return true;
    },
  });

  const page = selected ? (props.pages[selected.id] ?? 1) : 1;
  const onPage = selected?.kind === 'document' ? props.comments.filter((comment) => comment.evidenceId === selected.id && comment.page === page) : [];
  const overlay = selected && isMarkable(selected) && (
    <RegionLayer
      regions={props.comments
        .filter((comment) => comment.evidenceId === selected.id && comment.region && (selected.kind !== 'document' || comment.page === page))
        .map((comment) => ({
          commentId: comment.id,
          region: comment.region!,
          tag: comment.tag,
          label: t('regions.comment', { place: anchorPhrase({ ...comment, region: null }, t, selected.kind), body: comment.body || t('comments.emptyBody') }),
        }))}
      drawing={drawing}
      currentId={props.currentCommentId}
      onDrawn={(region) => {
        setDrawingOn(null);
        props.onRegionComment(region);
      }}
      onPick={(commentId) => {
        const comment = props.comments.find((candidate) => candidate.id === commentId);
        if (comment) props.onPickComment(comment);
      }}
      onCancel={() => setDrawingOn(null)}
    />
  );

  return (
    <section className="evidence-pane" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading" className="visually-hidden">
        {t('submission.evidence')}
      </h3>
      <Tabs.Root value={selected?.id ?? ''} onValueChange={onSelect} activationMode="automatic">
      <div className="evidence-tabs-row">
        {/* Radix moves between tabs with the arrow keys: they are the tab list's own, not playback's. */}
        <Tabs.List aria-label={t('evidence.list')} className="evidence-tabs" data-local-keys="ArrowLeft ArrowRight" loop>
          {evidence.map((item) => (
            <Tabs.Trigger key={item.id} value={item.id}>
              {/* Shortened when the strip is narrow: the whole title on hover (the programme's words, not the interface's). */}
              <span className="evidence-kind">{t(`evidence.kind.${item.kind}`)}</span> <span data-content title={item.title}>{item.title}</span>
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {props.onOpenWindow && (
          <Hint text={t('evidenceWindow.open')}>
            <button type="button" className="open-window" onClick={props.onOpenWindow}>
              {t('evidenceWindow.openShort')}
            </button>
          </Hint>
        )}
      </div>
      {selected && (
        <Tabs.Content value={selected.id} className="evidence-body">
          <p className="evidence-facts">
            {selected.durationMs !== null && <span>{t('evidence.duration', { duration: formatMediaTime(selected.durationMs) })}</span>}
            <span>{formatBytes(selected.bytes, t)}</span>
            <span>{t(`evidence.availability.${selected.availability}`)}</span>
          </p>
          <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          {selected.kind === 'text' ? (
            selected.availability === 'available' ? <TextViewer evidence={selected} /> : <p role="status">{t('evidence.notAvailable')}</p>
          ) : selected.availability !== 'available' || urls.state === 'failed' ? (
            <p role="status">{t('evidence.notAvailable')}</p>
          ) : urls.state === 'loading' ? (
            <p aria-busy="true">{t('app.loading')}</p>
          ) : isTimed(selected) ? (
            <VideoViewer
              evidence={selected}
              src={urls.urls.media}
              captionsSrc={urls.urls.captions}
              onSourceLapsed={renew}
              comments={props.comments}
              startAt={() => props.startAt(selected.id)}
              onController={props.onController}
              onPosition={(ms) => props.onPosition(selected.id, ms)}
              onPlayingChange={props.onPlayingChange}
            />
          ) : selected.kind === 'document' ? (
            <PdfViewer
              src={urls.urls.media}
              page={page}
              onPage={(next) => props.onPage(selected.id, next)}
              quotes={onPage.flatMap((comment) => (comment.quote ? [comment.quote] : []))}
              overlay={overlay}
            />
          ) : (
            <ImageViewer evidence={selected} src={urls.urls.media} overlay={overlay} />
          )}
          </Suspense>
          {!props.readOnly && (
            <div className="comment-toolbar">
              <button type="button" onClick={props.onAddComment}>
                {t(addCommentKey[selected.kind])}
              </button>
              {canMark && (
                <button type="button" aria-pressed={drawing} onClick={toggleDrawing}>
                  {t('regions.mark')}
                </button>
              )}
              {props.markInMs !== null && <span role="status">{t('comments.markedIn', { time: formatMediaTime(props.markInMs) })}</span>}
              <span className="hint" role={drawing ? 'status' : undefined}>
                {drawing ? t('regions.drawingHint') : t(commentHintKey[selected.kind])}
              </span>
            </div>
          )}
        </Tabs.Content>
      )}
      </Tabs.Root>
    </section>
  );
}
