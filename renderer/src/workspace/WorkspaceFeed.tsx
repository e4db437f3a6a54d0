import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { Criterion } from '../../../shared/domain/rubric';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { CommentList } from '../comments/CommentList';
import { isTimed } from '../evidence/EvidencePane';
import { Transcript } from '../evidence/Transcript';
import { EvidenceFeed } from './EvidenceFeed';
import type { FeedTab } from './EvidenceFeed';

interface Props {
  submission: SubmissionDetail;
  criteria: Criterion[];
  selected: EvidenceSummary | null;
  playhead: { evidenceId: string; ms: number } | null;
  editingId: string | null;
  pickedCommentId: string | null;
  readOnly: boolean;
  tab: FeedTab;
  onTab: (tab: FeedTab) => void;
  transcriptFocus: number;
  onSelectComment: (comment: EvidenceComment) => void;
  onEdit: (commentId: string | null) => void;
  onChange: (comment: EvidenceComment) => void;
  onDelete: (commentId: string) => void;
  onSeek: (ms: number) => void;
  /** A transcript line quoted: a comment citing its range. */
  onQuote: (range: { startMs: number; endMs: number }, quote: string) => void;
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

/** Under the evidence: the comments, following playback (or the one picked), and a captioned recording's transcript. */
export function WorkspaceFeed(props: Props): React.JSX.Element {
  const { submission, selected, playhead } = props;
  const timed = selected !== null && isTimed(selected);
  const hasTranscript = timed && selected.hasCaptions && selected.availability === 'available';
  return (
    <EvidenceFeed
      tab={props.tab}
      onTab={props.onTab}
      commentCount={submission.comments.length}
      comments={
        <CommentList
          comments={submission.comments}
          evidence={submission.evidence}
          criteria={props.criteria}
          editingId={props.editingId}
          currentId={timed ? (playhead ? commentAtPlayhead(submission.comments, playhead) : null) : props.pickedCommentId}
          readOnly={props.readOnly}
          showingRecording={timed}
          onSelect={props.onSelectComment}
          onEdit={props.onEdit}
          onChange={props.onChange}
          onDelete={props.onDelete}
        />
      }
      transcript={
        hasTranscript ? (
          <Transcript
            evidence={selected}
            positionMs={playhead?.evidenceId === selected.id ? playhead.ms : null}
            readOnly={props.readOnly}
            focusRequest={props.transcriptFocus}
            onSeek={props.onSeek}
            onQuote={(cue) => {
              const end = selected.durationMs === null ? cue.endMs : Math.min(cue.endMs, selected.durationMs);
              props.onQuote({ startMs: cue.startMs, endMs: Math.max(cue.startMs, end) }, cue.text);
            }}
          />
        ) : null
      }
    />
  );
}
