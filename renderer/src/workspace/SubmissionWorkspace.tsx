import { useEffect, useRef, useState } from 'react';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useTranslation } from 'react-i18next';
import type { CommentRegion, ConditionCode, EvidenceComment } from '../../../shared/domain/comment';
import { blockersFor } from '../../../shared/domain/decision-rules';
import { allCriteria } from '../../../shared/domain/rubric';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { useClient } from '../client-context';
import type { FeedTab } from './EvidenceFeed';
import { SubmissionHeader } from './SubmissionHeader';
import { WorkspaceFeed } from './WorkspaceFeed';
import { useLinkedEvidence } from '../window-link/use-linked-evidence';
import { together, words, type Words } from '../words';
import type { TFunction } from 'i18next';
import { DecisionBar, explainBlockers } from '../decision/DecisionBar';
import { useUndoDecision } from '../decision/use-undo';
import { describeError } from '../errors';
import { EvidencePane, isTimed } from '../evidence/EvidencePane';
import type { MediaController } from '../evidence/media-controller';
import { FeedbackComposer } from '../feedback/FeedbackComposer';
import { ReviewPane, useReviewComments } from '../lead/ReviewPane';
import { CalibrationResult } from '../quality/CalibrationResult';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { RubricPane } from '../rubric/RubricPane';
import { saver } from '../save/debounced-saver';
import { useSubmission } from '../submission/use-submission';
import { SplitPane } from './SplitPane';
import { useActiveTime } from './use-active-time';
import { useDraftEdits } from './use-draft-edits';

/** A decision core recorded, and the submission it made the open one (null: the batch is done). */
export interface Decided {
  submissionId: string;
  label: string;
  nextSubmissionId: string | null;
}

interface Props {
  submissionId: string;
  splitRatio: number;
  onSplitRatio: (ratio: number, done: boolean) => void;
  onDecided: (decided: Decided) => void;
}

const playbackSaveEveryMs = 2000;

/** The scoring workspace for one submission: evidence and comments on the left, rubric, feedback and decision on the right. */
export function SubmissionWorkspace(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const undoDecision = useUndoDecision();
  const [loaded, show] = useSubmission(props.submissionId);
  const detail = loaded.state === 'ready' ? loaded.value : null;

  const [selectedEvidenceId, setSelectedEvidenceId] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});
  const [markInMs, setMarkInMs] = useState<number | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** The comment last picked on the evidence or in the feed (for untimed evidence, the feed's current one). */
  const [pickedCommentId, setPickedCommentId] = useState<string | null>(null);
  const [feedTab, setFeedTab] = useState<FeedTab>('comments');
  const [transcriptFocus, setTranscriptFocus] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  /** The criterion scored last: a comment made next is about it (the focus has already moved on). */
  const [lastScoredId, setLastScoredId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [playing, setPlaying] = useState(false);
  /** Where playback is, for the comment feed to follow. */
  const [playhead, setPlayhead] = useState<{ evidenceId: string; ms: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [flagOpen, setFlagOpen] = useState(false);
  const [error, setError] = useState<Words | null>(null);
  const media = useRef<MediaController | null>(null);
  const lastPlaybackSave = useRef(0);
  /** Last position per evidence item this session, so switching tabs does not lose the place. */
  const positions = useRef<Record<string, number>>({});

  const readOnly = !detail || detail.decision !== null || detail.mode === 'review';
  const reviewComments = useReviewComments(props.submissionId, detail?.mode === 'review');
  const evidenceId = selectedEvidenceId ?? detail?.draft.playback?.evidenceId ?? detail?.evidence[0]?.id ?? null;
  const selected = detail?.evidence.find((item) => item.id === evidenceId) ?? null;
  const hasTranscript = !!selected && isTimed(selected) && selected.hasCaptions && selected.availability === 'available';
  const criteria = detail ? allCriteria(detail.rubric) : [];

  useActiveTime(props.submissionId, playing, !readOnly, (activeMs) => show((current) => ({ ...current, draft: { ...current.draft, activeMs } })));

  // Leaving a submission (or the page) sends whatever is still waiting for its debounce.
  useEffect(() => {
    const flush = (): void => void saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [props.submissionId]);

  useEffect(() => {
    if (loaded.state === 'ready') requestAnimationFrame(() => void performance.mark('submission-painted', { detail: props.submissionId }));
  }, [loaded.state, props.submissionId]);

  const { setScore, setRationale, setFeedback, saveComment, deleteComment } = useDraftEdits(props.submissionId, show, {
    onScored: setLastScoredId,
    onScoreFailed: () => setError(() => words('rubric.scoreFailed')),
    onCommentDeleted: (commentId) => setEditingId((current) => (current === commentId ? null : current)),
  });

  /**
   * Opens a new comment at the current moment (pausing), at a marked range, or on the current page
   * with a drawn region or else any selected passage.
   */
  const startComment = ({ range, quote, region, aboutCriterionId }: { range?: { startMs: number; endMs: number }; quote?: string; region?: CommentRegion; aboutCriterionId?: string } = {}): boolean => {
    if (!detail || readOnly || !selected) return false;
    const base = { id: crypto.randomUUID(), evidenceId: selected.id, body: '', tag: 'note' as const, visibility: 'candidate' as const, criterionIds: [] as string[] };
    let comment: EvidenceComment;
    if (isTimed(selected)) {
      const controller = mediaNow();
      if (!controller) return false;
      controller.pause();
      const now = controller.currentMs();
      comment = { ...base, startMs: range?.startMs ?? now, endMs: range?.endMs ?? null, page: null, quote: quote ? withoutHiddenControls(quote).slice(0, 2000) || null : null, region: null };
    } else {
      // A passage quoted from the candidate keeps what shows of it (see withoutHiddenControls).
      const selection = region ? null : withoutHiddenControls(window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000) || null;
      comment = { ...base, startMs: null, endMs: null, page: selected.kind === 'document' ? (pages[selected.id] ?? 1) : 1, quote: selection, region: region ?? null };
    }
    // Scoring moves the focus on to the next criterion; a comment made right then is about the one just scored.
    const lastScored = criteria.findIndex((criterion) => criterion.id === lastScoredId);
    const justScored = lastScored >= 0 && (activeIndex === lastScored + 1 || activeIndex === lastScored) ? criteria[lastScored] : undefined;
    const about = aboutCriterionId ?? justScored?.id ?? criteria[activeIndex]?.id;
    if (about) comment.criterionIds = [about];
    saveComment(comment);
    setEditingId(comment.id);
    setFeedTab('comments');
    return true;
  };

  const selectComment = (comment: EvidenceComment): void => {
    setPickedCommentId(comment.id);
    setSelectedEvidenceId(comment.evidenceId);
    if (comment.page !== null) setPages((current) => ({ ...current, [comment.evidenceId]: comment.page ?? 1 }));
    if (comment.startMs !== null) {
      const seek = (): void => {
        if (evidenceWindow.linked) evidenceWindow.seek(comment.evidenceId, comment.startMs ?? 0);
        else if (media.current?.evidenceId === comment.evidenceId) media.current.seekMs(comment.startMs ?? 0);
        else requestAnimationFrame(seek);
      };
      seek();
    }
  };

  const submitDecision = async (outcome: DecisionOutcome, conditionCode: ConditionCode | null, note: string): Promise<void> => {
    setBusy(true);
    await saver.flush();
    const result = await client.invoke('decision.submit', { submissionId: props.submissionId, outcome, conditionCode, note });
    setBusy(false);
    if (!result.ok) {
      const { error: failure } = result;
      setError(() => (tr: TFunction) => describeError(failure, tr));
      return;
    }
    show((current) => ({ ...current, status: result.value.status, decision: result.value.decision }));
    props.onDecided({ submissionId: props.submissionId, label: detail?.label ?? props.submissionId, nextSubmissionId: result.value.nextSubmissionId });
  };

  /** The first open item of the "not yet" checklist in view and focused (a refused "Not yet" asks for it). */
  const showChecklist = (): void => {
    const first = document.querySelector<HTMLElement>('.checklist .todo button') ?? document.querySelector<HTMLElement>('.checklist');
    first?.scrollIntoView({ block: 'nearest' });
    first?.focus();
  };

  const moveCriterion = (step: number): boolean => {
    if (criteria.length === 0) return false;
    setActiveIndex((current) => Math.max(0, Math.min(criteria.length - 1, current + step)));
    setFocusRequest((current) => current + 1);
    return true;
  };

  useShortcutHandlers({
    onAction: (action) => {
      // Playback keys are the player's own (VideoViewer); these need the rubric or a comment too.
      const controller = mediaNow();
      switch (action) {
        case 'commentAtTime':
          return startComment();
        case 'markIn':
          if (!controller) return false;
          setMarkInMs(controller.currentMs());
          return true;
        case 'markOut': {
          if (!controller || markInMs === null) return false;
          const out = controller.currentMs();
          setMarkInMs(null);
          return startComment({ range: { startMs: Math.min(markInMs, out), endMs: Math.max(markInMs, out) } });
        }
        case 'award':
        case 'notYet': {
          if (!detail || readOnly) return false;
          const outcome = action === 'award' ? 'award' : 'not_yet';
          const blockers = blockersFor(detail, outcome);
          if (blockers.length === 0) void submitDecision(outcome, null, '');
          else {
            setError(() => together(words(outcome === 'award' ? 'decision.awardBlocked' : 'decision.notYetBlocked'), (tr) => explainBlockers(blockers, tr)));
            if (blockers.some((blocker) => blocker.kind === 'uncited')) showChecklist();
          }
          return true;
        }
        case 'flagForLead':
          if (readOnly) return false;
          setFlagOpen(true);
          return true;
        case 'previousEvidence':
        case 'nextEvidence': {
          if (!detail || detail.evidence.length === 0) return false;
          const index = detail.evidence.findIndex((item) => item.id === evidenceId);
          const next = detail.evidence[(index + (action === 'nextEvidence' ? 1 : -1) + detail.evidence.length) % detail.evidence.length];
          if (next) {
            setSelectedEvidenceId(next.id);
            setMarkInMs(null);
          }
          return true;
        }
        case 'transcript':
          if (!hasTranscript) return false;
          setFeedTab('transcript');
          setTranscriptFocus((current) => current + 1);
          return true;
        case 'previousCriterion':
          return moveCriterion(-1);
        case 'nextCriterion':
          return moveCriterion(1);
        default:
          return false;
      }
    },
    onScoreLevel: (level) => {
      const criterion = criteria[activeIndex];
      if (readOnly || !criterion?.levels.some((candidate) => candidate.level === level)) return false;
      void setScore(criterion.id, level);
      moveCriterion(1);
      return true;
    },
  });

  const savePosition = (evidence: string, ms: number): void => {
    positions.current[evidence] = ms;
    setPlayhead({ evidenceId: evidence, ms });
    const now = performance.now();
    if (now - lastPlaybackSave.current < playbackSaveEveryMs) return;
    lastPlaybackSave.current = now;
    void client.invoke('draft.setPlayback', { submissionId: props.submissionId, evidenceId: evidence, positionMs: ms });
  };

  const positionOf = (id: string): number => positions.current[id] ?? (detail?.draft.playback?.evidenceId === id ? detail.draft.playback.positionMs : 0);
  const evidenceWindow = useLinkedEvidence({
    submissionId: props.submissionId,
    comments: detail?.comments ?? null,
    selected,
    page: selected ? (pages[selected.id] ?? 1) : 1,
    positionOf,
    onPosition: (evidence, ms, nowPlaying) => {
      savePosition(evidence, ms);
      setPlaying(nowPlaying);
    },
    onSelect: (id) => {
      setSelectedEvidenceId(id);
      setMarkInMs(null);
    },
    onPage: (id, page) => setPages((current) => ({ ...current, [id]: page })),
    onAddComment: () => startComment(),
    onRegionComment: (region) => startComment({ region }),
    onPick: (commentId) => {
      const comment = detail?.comments.find((candidate) => candidate.id === commentId);
      if (comment) selectComment(comment);
    },
  });
  /** The playing recording, here or in the evidence window. */
  const mediaNow = (): MediaController | null => (evidenceWindow.linked ? evidenceWindow.remote : media.current);

  if (loaded.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (loaded.state === 'error') return <p role="alert">{t('submission.notFound', { message: describeError(loaded.error, t) })}</p>;
  const submission = loaded.value;
  /** In review mode the evidence and the feed show the assessors' comments under review. */
  const shown = reviewComments ? { ...submission, comments: reviewComments } : submission;

  return (
    <article className="submission" aria-labelledby="submission-title">
      <SubmissionHeader
        submission={submission}
        error={error}
        onDismissError={() => setError(null)}
        onUndo={() => void undoDecision(submission.submissionId).then((problem) => setError(() => problem))}
      />
      <SplitPane
        ratio={props.splitRatio}
        onRatio={props.onSplitRatio}
        left={
          <>
            {evidenceWindow.linked ? (
              <div className="evidence-elsewhere" role="status">
                <span>{t('evidenceWindow.elsewhere')}</span>
                <button type="button" onClick={evidenceWindow.bringBack}>
                  {t('evidenceWindow.bringBack')}
                </button>
              </div>
            ) : (
              <EvidencePane
                evidence={submission.evidence}
                comments={shown.comments}
                selectedId={evidenceId ?? ''}
                pages={pages}
                startAt={positionOf}
                markInMs={markInMs}
                readOnly={readOnly}
                onSelect={(id) => {
                  setSelectedEvidenceId(id);
                  setMarkInMs(null);
                }}
                onPage={(id, page) => setPages((current) => ({ ...current, [id]: page }))}
                onController={(controller) => {
                  media.current = controller;
                }}
                onPosition={savePosition}
                onPlayingChange={setPlaying}
                onAddComment={() => startComment()}
                onRegionComment={(region) => startComment({ region })}
                currentCommentId={editingId ?? pickedCommentId}
                onPickComment={selectComment}
                onOpenWindow={evidenceWindow.openWindow}
              />
            )}
            <WorkspaceFeed
              submission={shown}
              criteria={criteria}
              selected={selected}
              playhead={playhead}
              editingId={editingId}
              pickedCommentId={pickedCommentId}
              readOnly={readOnly}
              tab={feedTab}
              onTab={setFeedTab}
              transcriptFocus={transcriptFocus}
              onSelectComment={selectComment}
              onEdit={(id) => {
                // Closing an editor whose comment was left empty removes it.
                const closing = submission.comments.find((comment) => comment.id === editingId);
                if (id === null && closing && closing.body.trim() === '') void deleteComment(closing.id);
                setEditingId(id);
              }}
              onChange={saveComment}
              onDelete={(id) => void deleteComment(id)}
              onSeek={(ms) => mediaNow()?.seekMs(ms)}
              onQuote={(range, quote) => startComment({ range, quote })}
            />
          </>
        }
        right={
          submission.mode === 'review' ? (
            <ReviewPane submissionId={submission.submissionId} onSelectComment={selectComment} />
          ) : (
            <div className="rubric-side">
              <div className="rubric-scroll">
                <CalibrationResult submission={submission} />
                <RubricPane
                  submission={submission}
                  activeIndex={activeIndex}
                  focusRequest={focusRequest}
                  readOnly={readOnly}
                  onActivate={setActiveIndex}
                  onScore={(criterionId, level) => void setScore(criterionId, level)}
                  onRationale={setRationale}
                  onJumpTo={(index) => {
                    setActiveIndex(index);
                    setFocusRequest((current) => current + 1);
                  }}
                  onCite={(criterionId) => startComment({ aboutCriterionId: criterionId })}
                />
                {submission.mode === 'master' ? (
                  <p className="hint master-hint">{t('master.hint')}</p>
                ) : (
                  <FeedbackComposer submission={submission} readOnly={readOnly} onFeedback={setFeedback} />
                )}
              </div>
              {!readOnly && submission.mode !== 'master' && (
                <DecisionBar
                  submission={submission}
                  busy={busy}
                  flagOpen={flagOpen}
                  onFlagOpenChange={setFlagOpen}
                  onSubmit={(outcome, code, note) => void submitDecision(outcome, code, note)}
                  onShowChecklist={showChecklist}
                />
              )}
            </div>
          )
        }
      />
    </article>
  );
}
