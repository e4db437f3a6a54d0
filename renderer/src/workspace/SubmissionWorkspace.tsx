import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { CommentRegion, ConditionCode, EvidenceComment } from '../../../shared/domain/comment';
import { blockersFor } from '../../../shared/domain/decision-rules';
import { allCriteria } from '../../../shared/domain/rubric';
import type { Result } from '../../../shared/contract/result';
import type { DecisionOutcome, SubmissionStatus } from '../../../shared/domain/submission';
import { formatMediaTime } from '../../../shared/format/media-time';
import { useClient } from '../client-context';
import { Transcript } from '../evidence/Transcript';
import { EvidenceFeed } from './EvidenceFeed';
import type { FeedTab } from './EvidenceFeed';
import { CommentList } from '../comments/CommentList';
import { useLinkedEvidence } from '../window-link/use-linked-evidence';
import { together, words } from '../words';
import type { Words } from '../words';
import type { TFunction } from 'i18next';
import { DecisionBar, explainBlockers } from '../decision/DecisionBar';
import { UndoButton } from '../decision/UndoButton';
import { useUndoDecision } from '../decision/use-undo';
import { describeError } from '../errors';
import { EvidencePane, isTimed } from '../evidence/EvidencePane';
import type { MediaController } from '../evidence/media-controller';
import { FeedbackComposer } from '../feedback/FeedbackComposer';
import { formatDateTime } from '../format';
import { AdjudicationReview } from '../lead/AdjudicationQueueView';
import { CalibrationResult } from '../quality/CalibrationResult';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { RubricPane } from '../rubric/RubricPane';
import { saver } from '../save/debounced-saver';
import { useSubmission } from '../submission/use-submission';
import { SplitPane } from './SplitPane';
import { useActiveTime } from './use-active-time';

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
  const { t, i18n } = useTranslation();
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
    if (loaded.state !== 'ready') return;
    const performanceMark = (): void => {
      performance.mark('submission-painted', { detail: props.submissionId });
    };
    requestAnimationFrame(performanceMark);
  }, [loaded.state, props.submissionId]);

  const setScore = async (criterionId: string, level: number): Promise<void> => {
    setLastScoredId(criterionId);
    const ok = await saver.saveNow(async () => {
      const result = await client.invoke('draft.setScore', { submissionId: props.submissionId, criterionId, level });
      if (result.ok) {
        // Shown only now: the score is on disk.
        show((current) => ({
          ...current,
          status: result.value.status,
          draft: {
            ...current.draft,
            updatedAt: result.value.savedAt,
            scores: upsertScore(current.draft.scores, criterionId, { level, updatedAt: result.value.savedAt }),
          },
        }));
      }
      return result;
    });
    if (!ok) setError(() => words('rubric.scoreFailed'));
  };

  /** Sends an edit; when core acknowledges it, the submission's status follows. */
  const send = (call: () => Promise<Result<{ savedAt: string; status: SubmissionStatus }>>) => async () => {
    const result = await call();
    if (result.ok) show((current) => ({ ...current, status: result.value.status }));
    return result;
  };

  /** Shows an edit at once and saves it after the debounce; until core has it, it stays over anything read again. */
  const edit = (field: string, change: (detail: SubmissionDetail) => SubmissionDetail, call: () => Promise<Result<{ savedAt: string; status: SubmissionStatus }>>): void => {
    show(change);
    saver.schedule(`${props.submissionId}:${field}`, send(call), change);
  };

  const setRationale = (criterionId: string, rationale: string): void =>
    edit(
      `rationale:${criterionId}`,
      (current) => ({ ...current, draft: { ...current.draft, scores: upsertScore(current.draft.scores, criterionId, { rationale }) } }),
      () => client.invoke('draft.setRationale', { submissionId: props.submissionId, criterionId, rationale }),
    );

  const setFeedback = (componentId: string | null, body: string): void =>
    edit(
      `feedback:${componentId ?? 'overall'}`,
      (current) => ({
        ...current,
        draft: componentId === null ? { ...current.draft, overallFeedback: body } : { ...current.draft, componentFeedback: { ...current.draft.componentFeedback, [componentId]: body } },
      }),
      () => client.invoke('draft.setFeedback', { submissionId: props.submissionId, componentId, body }),
    );

  const saveComment = (comment: EvidenceComment): void =>
    edit(
      `comment:${comment.id}`,
      (current) => ({ ...current, comments: [...current.comments.filter((candidate) => candidate.id !== comment.id), comment] }),
      () => client.invoke('comment.save', { submissionId: props.submissionId, comment }),
    );

  const deleteComment = async (commentId: string): Promise<void> => {
    await saver.flush();
    show((current) => ({ ...current, comments: current.comments.filter((candidate) => candidate.id !== commentId) }));
    setEditingId((current) => (current === commentId ? null : current));
    await saver.saveNow(send(() => client.invoke('comment.delete', { submissionId: props.submissionId, commentId })));
  };

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
      comment = { ...base, startMs: range?.startMs ?? now, endMs: range?.endMs ?? null, page: null, quote: quote?.slice(0, 2000) ?? null, region: null };
    } else {
      const selection = region ? null : window.getSelection()?.toString().replace(/\s+/g, ' ').trim().slice(0, 2000) || null;
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

  return (
    <article className="submission" aria-labelledby="submission-title">
      <header className="submission-header">
        <h2 id="submission-title">
          <span data-content>
            {submission.label} · {submission.credential.title}
          </span>
        </h2>
        <p className="submission-facts">
          <span className="chip">{t('submission.attempt', { attempt: submission.attempt })}</span>
          {submission.attempt > 1 && <span className="chip chip-resubmission">{t('submission.resubmission')}</span>}
          <span className={`status status-${submission.status}`}>{t(`status.${submission.status}`)}</span>
          <span>{t('submission.due', { date: formatDateTime(submission.dueAt, i18n.language) })}</span>
          <span>{t('submission.timeOnTask', { time: formatMediaTime(submission.draft.activeMs) })}</span>
        </p>
        {submission.decision && (
          <div className="decision-banner" role="status">
            {t('decision.recorded', { outcome: t(`decision.outcomes.${submission.decision.outcome}`) })}{' '}
            <UndoButton decision={submission.decision} onUndo={() => void undoDecision(submission.submissionId).then((problem) => setError(() => problem))} />
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error(t)}{' '}
            <button type="button" onClick={() => setError(null)}>
              {t('common.dismiss')}
            </button>
          </p>
        )}
      </header>
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
                comments={submission.comments}
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
            <EvidenceFeed
              tab={feedTab}
              onTab={setFeedTab}
              commentCount={submission.comments.length}
              comments={
                <CommentList
                  comments={submission.comments}
                  evidence={submission.evidence}
                  criteria={criteria}
                  editingId={editingId}
                  currentId={selected && isTimed(selected) ? (playhead ? commentAtPlayhead(submission.comments, playhead) : null) : pickedCommentId}
                  readOnly={readOnly}
                  onSelect={selectComment}
                  onEdit={(id) => {
                    // Closing an editor whose comment was left empty removes it.
                    const closing = submission.comments.find((comment) => comment.id === editingId);
                    if (id === null && closing && closing.body.trim() === '') void deleteComment(closing.id);
                    setEditingId(id);
                  }}
                  onChange={saveComment}
                  onDelete={(id) => void deleteComment(id)}
                />
              }
              transcript={
                hasTranscript ? (
                  <Transcript
                    evidence={selected}
                    positionMs={playhead?.evidenceId === selected.id ? playhead.ms : null}
                    readOnly={readOnly}
                    focusRequest={transcriptFocus}
                    onSeek={(ms) => mediaNow()?.seekMs(ms)}
                    onQuote={(cue) => {
                      const end = selected.durationMs === null ? cue.endMs : Math.min(cue.endMs, selected.durationMs);
                      startComment({ range: { startMs: cue.startMs, endMs: Math.max(cue.startMs, end) }, quote: cue.text });
                    }}
                  />
                ) : null
              }
            />
          </>
        }
        right={
          submission.mode === 'review' ? (
            <AdjudicationReview submissionId={submission.submissionId} onSelectComment={selectComment} />
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

function upsertScore(
  scores: SubmissionDetail['draft']['scores'],
  criterionId: string,
  change: Partial<SubmissionDetail['draft']['scores'][number]>,
): SubmissionDetail['draft']['scores'] {
  const existing = scores.find((score) => score.criterionId === criterionId);
  const base = existing ?? { criterionId, level: null, rationale: '', updatedAt: new Date().toISOString() };
  return [...scores.filter((score) => score.criterionId !== criterionId), { ...base, ...change }];
}

/** How long after its moment a point comment stays the current one in the feed. */
const pointCommentLingerMs = 5000;

/** The comment playback is in: the latest to start at or before it, while its range (or a few seconds after its moment) lasts. */
function commentAtPlayhead(comments: readonly EvidenceComment[], playhead: { evidenceId: string; ms: number }): string | null {
  let current: EvidenceComment | null = null;
  for (const comment of comments) {
    if (comment.evidenceId !== playhead.evidenceId || comment.startMs === null || comment.startMs > playhead.ms) continue;
    const until = comment.endMs ?? comment.startMs + pointCommentLingerMs;
    if (playhead.ms <= until && (!current || comment.startMs >= (current.startMs ?? 0))) current = comment;
  }
  return current?.id ?? null;
}
