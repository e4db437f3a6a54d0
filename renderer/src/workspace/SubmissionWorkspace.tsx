import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { allCriteria } from '../../../shared/domain/rubric';
import { useDecision } from '../decision/use-decision';
import type { Decided } from '../decision/use-decision';
import { useUndoDecision } from '../decision/use-undo';
import { describeError } from '../errors';
import { EvidencePane, isTimed } from '../evidence/EvidencePane';
import type { MediaController } from '../evidence/media-controller';
import { ReviewPane, useReviewComments } from '../lead/ReviewPane';
import type { ChecklistHandle } from '../rubric/Checklist';
import { saver } from '../save/debounced-saver';
import { revealInPane } from '../ui/keep-in-view';
import { useSubmission } from '../submission/use-submission';
import { useLinkedEvidence } from '../window-link/use-linked-evidence';
import { words } from '../words';
import type { Words } from '../words';
import { startComment as startCommentIn } from './comment-starter';
import type { NewCommentAt } from './comment-starter';
import type { FeedTab } from './EvidenceFeed';
import { RubricSide } from './RubricSide';
import { SplitPane } from './SplitPane';
import { SubmissionHeader } from './SubmissionHeader';
import { useActiveTime } from './use-active-time';
import { useDraftEdits } from './use-draft-edits';
import { useEvidencePlace } from './use-evidence-place';
import { useRubricFocus } from './use-rubric-focus';
import { useScoringShortcuts } from './use-scoring-shortcuts';
import { WorkspaceFeed } from './WorkspaceFeed';

interface Props {
  submissionId: string;
  /** The batch the queue shows it in: a detail read for other work (another batch, another account) is not shown. */
  batchId: string;
  splitRatio: number;
  onSplitRatio: (ratio: number, done: boolean) => void;
  onDecided: (decided: Decided) => void;
}

/** The scoring workspace for one submission: evidence and comments on the left, rubric, feedback and decision on the right. */
export function SubmissionWorkspace(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const undoDecision = useUndoDecision();
  const [loaded, show] = useSubmission(props.submissionId, props.batchId);
  const detail = loaded.state === 'ready' ? loaded.value : null;
  const readOnly = !detail || detail.decision !== null || detail.mode === 'review';
  const criteria = detail ? allCriteria(detail.rubric) : [];
  const place = useEvidencePlace(props.submissionId, detail);
  const rubric = useRubricFocus(criteria);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** The comment last picked on the evidence or in the feed (for untimed evidence, the feed's current one). */
  const [pickedCommentId, setPickedCommentId] = useState<string | null>(null);
  const [feedTab, setFeedTab] = useState<FeedTab>('comments');
  const [transcriptFocus, setTranscriptFocus] = useState(0);
  const [flagOpen, setFlagOpen] = useState(false);
  const [problem, setProblem] = useState<Words | null>(null);
  // With the evidence in a window of its own, this window holds the comments and the rubric: the
  // rubric gets the room (its own split, not the one kept for evidence beside the rubric).
  const [splitWithoutEvidence, setSplitWithoutEvidence] = useState(0.42);
  const media = useRef<MediaController | null>(null);
  const checklist = useRef<ChecklistHandle>(null);
  const overallFeedback = useRef<HTMLTextAreaElement>(null);
  /** The overall feedback field in view and in focus (its key, or a decision that found it empty). */
  const writeOverallFeedback = (): boolean => {
    const field = overallFeedback.current;
    if (!field || readOnly) return false;
    field.focus({ preventScroll: true });
    // After the decision bar has grown by its question: the field whole, below the rubric's header.
    requestAnimationFrame(() => revealInPane(field));
    return true;
  };
  const reviewComments = useReviewComments(props.submissionId, detail?.mode === 'review');
  const { selected } = place;
  const hasTranscript = !!selected && isTimed(selected) && selected.hasCaptions && selected.availability === 'available';

  useActiveTime(props.submissionId, place.playing, !readOnly);

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

  // Why a decision cannot go yet is said of the work as it was ("not yet needs a cited comment"): it goes once the work changes.
  const workShown = detail ? `${detail.comments.length}:${detail.draft.scores.map((score) => score.level ?? '').join(',')}:${detail.decision?.outcome ?? ''}` : '';
  const [blockedWhen, setBlocked] = useState<{ why: Words; work: string } | null>(null);
  const blocked = blockedWhen?.work === workShown ? blockedWhen.why : null;

  const edits = useDraftEdits(props.submissionId, show, {
    onScored: rubric.scored,
    onScoreFailed: () => setProblem(() => words('rubric.scoreFailed')),
    onCommentDeleted: (commentId) => setEditingId((current) => (current === commentId ? null : current)),
  });
  const showChecklist = (): void => checklist.current?.showFirstOpen();
  const decision = useDecision({ submission: readOnly ? null : detail, onDecided: props.onDecided, onProblem: (next) => setProblem(() => next), onBlocked: (why) => setBlocked({ why, work: workShown }), onShowChecklist: showChecklist, onWriteOverallFeedback: writeOverallFeedback });

  /** The playing recording, here or in the evidence window. */
  const mediaNow = (): MediaController | null => (evidenceWindow.linked ? evidenceWindow.remote : media.current);
  const startComment = (at?: NewCommentAt): boolean =>
    startCommentIn(
      {
        selected: readOnly ? null : selected,
        page: place.page,
        mediaNow,
        criterionOf: rubric.commentCriterion,
        onStarted: (comment) => {
          edits.saveComment(comment);
          setEditingId(comment.id);
          setFeedTab('comments');
        },
      },
      at,
    );

  const selectComment = (comment: EvidenceComment): void => {
    setPickedCommentId(comment.id);
    place.showComment(comment.evidenceId, comment.page);
    if (comment.startMs === null) return;
    const seek = (): void => {
      if (evidenceWindow.linked) evidenceWindow.seek(comment.evidenceId, comment.startMs ?? 0);
      else if (media.current?.evidenceId === comment.evidenceId) media.current.seekMs(comment.startMs ?? 0);
      else requestAnimationFrame(seek); // the recording is still loading
    };
    seek();
  };

  const evidenceWindow = useLinkedEvidence({
    submissionId: props.submissionId,
    comments: detail?.comments ?? null,
    selected,
    page: place.page,
    positionOf: place.positionOf,
    onPosition: (evidence, ms, nowPlaying) => {
      place.savePosition(evidence, ms);
      place.setPlaying(nowPlaying);
    },
    onSelect: place.select,
    onPage: place.setPage,
    onAddComment: () => startComment(),
    onRegionComment: (region) => startComment({ region }),
    onPick: (commentId) => {
      const comment = detail?.comments.find((candidate) => candidate.id === commentId);
      if (comment) selectComment(comment);
    },
  });

  /** A key that would change a decided submission: said, not silently dropped (a lead's review pane has its own form). */
  const decidedSoUnchanged = (): boolean => {
    if (!detail?.decision) return false;
    setProblem(() => words('submission.decidedNoChange'));
    return true;
  };
  useScoringShortcuts({
    commentAtTime: () => decidedSoUnchanged() || startComment(),
    markIn: () => {
      const controller = mediaNow();
      if (!controller) return false;
      place.setMarkInMs(controller.currentMs());
      return true;
    },
    markOut: () => {
      const controller = mediaNow();
      if (!controller || place.markInMs === null) return false;
      const [from, to] = [place.markInMs, controller.currentMs()];
      place.setMarkInMs(null);
      return startComment({ range: { startMs: Math.min(from, to), endMs: Math.max(from, to) } });
    },
    decide: (outcome) => decision.decideByKey(outcome),
    flagForLead: () => {
      if (readOnly) return false;
      setFlagOpen(true);
      return true;
    },
    stepEvidence: place.step,
    showTranscript: () => {
      if (!hasTranscript) {
        // Not silence: the key was heard, and there is nothing to show (yet).
        const captioned = !!selected && isTimed(selected) && selected.hasCaptions;
        setProblem(() => words(captioned ? 'transcript.notHereYet' : 'transcript.none'));
        return true;
      }
      setFeedTab('transcript');
      setTranscriptFocus((current) => current + 1);
      return true;
    },
    stepCriterion: rubric.step,
    writeOverallFeedback,
    scoreLevel: (level) => {
      const criterion = criteria[rubric.activeIndex];
      if (decidedSoUnchanged()) return true;
      if (readOnly || !criterion?.levels.some((candidate) => candidate.level === level)) return false;
      void edits.setScore(criterion.id, level);
      rubric.step(1);
      return true;
    },
  });

  if (loaded.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (loaded.state === 'error') return <p role="alert">{t('submission.notFound', { message: describeError(loaded.error, t) })}</p>;
  const submission = loaded.value;
  /** In review mode the evidence and the feed show the assessors' comments under review. */
  const shown = reviewComments ? { ...submission, comments: reviewComments } : submission;

  return (
    <article className="submission" aria-labelledby="submission-title">
      <SubmissionHeader
        submission={submission}
        error={problem ?? blocked}
        onDismissError={() => {
          setProblem(null);
          setBlocked(null);
        }}
        onUndo={() => void undoDecision(submission.submissionId).then((next) => setProblem(() => next))}
      />
      <SplitPane
        ratio={evidenceWindow.linked ? splitWithoutEvidence : props.splitRatio}
        onRatio={evidenceWindow.linked ? (ratio) => setSplitWithoutEvidence(ratio) : props.onSplitRatio}
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
                selectedId={place.evidenceId ?? ''}
                pages={place.pages}
                startAt={place.positionOf}
                markInMs={place.markInMs}
                readOnly={readOnly}
                onSelect={place.select}
                onPage={place.setPage}
                onController={(controller) => {
                  media.current = controller;
                }}
                onPosition={place.savePosition}
                onPlayingChange={place.setPlaying}
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
              playhead={place.playhead}
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
                if (id === null && closing && closing.body.trim() === '') void edits.deleteComment(closing.id);
                setEditingId(id);
              }}
              onChange={edits.saveComment}
              onDelete={(id) => void edits.deleteComment(id)}
              onSeek={(ms) => mediaNow()?.seekMs(ms)}
              onQuote={(range, quote) => startComment({ range, quote })}
            />
          </>
        }
        right={
          submission.mode === 'review' ? (
            <ReviewPane submissionId={submission.submissionId} onSelectComment={selectComment} />
          ) : (
            <RubricSide
              submission={submission}
              readOnly={readOnly}
              focus={rubric}
              checklistRef={checklist}
              overallFeedbackRef={overallFeedback}
              busy={decision.busy}
              feedbackQuestion={decision.feedbackQuestion}
              flagOpen={flagOpen}
              onFlagOpenChange={setFlagOpen}
              onScore={(criterionId, level) => void edits.setScore(criterionId, level)}
              onRationale={edits.setRationale}
              onFeedback={edits.setFeedback}
              onCite={(criterionId) => startComment({ aboutCriterionId: criterionId })}
              onDecide={(outcome, code, note) => void decision.send(outcome, code, note)}
              onShowChecklist={showChecklist}
              onWriteOverallFeedback={writeOverallFeedback}
            />
          )
        }
      />
    </article>
  );
}
