import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { Result } from '../../../shared/contract/result';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { SubmissionStatus } from '../../../shared/domain/submission';
import { useClient } from '../client-context';
import { saver } from '../save/debounced-saver';
import type { LocalChange } from '../save/debounced-saver';

type Saved = Result<{ savedAt: string; status: SubmissionStatus }>;

interface Callbacks {
  /** A score is on disk (the next comment is about its criterion). */
  onScored: (criterionId: string) => void;
  onScoreFailed: () => void;
  onCommentDeleted: (commentId: string) => void;
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

/**
 * The edits of a submission's draft, each durable before it is shown as saved: a score is shown once
 * core has it; text (rationales, feedback, comments) is shown at once and saved after the debounce,
 * staying over anything read again until core acknowledges it.
 */
export function useDraftEdits(submissionId: string, show: (change: LocalChange) => void, callbacks: Callbacks) {
  const client = useClient();

  const setScore = async (criterionId: string, level: number): Promise<void> => {
    callbacks.onScored(criterionId);
    const ok = await saver.saveNow(async () => {
      const result = await client.invoke('draft.setScore', { submissionId, criterionId, level });
      if (result.ok) {
        // Shown only now: the score is on disk.
        show((current) => ({
          ...current,
          status: result.value.status,
          draft: { ...current.draft, updatedAt: result.value.savedAt, scores: upsertScore(current.draft.scores, criterionId, { level, updatedAt: result.value.savedAt }) },
        }));
      }
      return result;
    });
    if (!ok) callbacks.onScoreFailed();
  };

  /** Sends an edit; when core acknowledges it, the submission's status follows. */
  const send = (call: () => Promise<Saved>) => async () => {
    const result = await call();
    if (result.ok) show((current) => ({ ...current, status: result.value.status }));
    return result;
  };

  const edit = (field: string, change: (detail: SubmissionDetail) => SubmissionDetail, call: () => Promise<Saved>): void => {
    show(change);
    saver.schedule(`${submissionId}:${field}`, send(call), change);
  };

  const setRationale = (criterionId: string, rationale: string): void =>
    edit(
      `rationale:${criterionId}`,
      (current) => ({ ...current, draft: { ...current.draft, scores: upsertScore(current.draft.scores, criterionId, { rationale }) } }),
      () => client.invoke('draft.setRationale', { submissionId, criterionId, rationale }),
    );

  const setFeedback = (componentId: string | null, body: string): void =>
    edit(
      `feedback:${componentId ?? 'overall'}`,
      (current) => ({
        ...current,
        draft: componentId === null ? { ...current.draft, overallFeedback: body } : { ...current.draft, componentFeedback: { ...current.draft.componentFeedback, [componentId]: body } },
      }),
      () => client.invoke('draft.setFeedback', { submissionId, componentId, body }),
    );

  const saveComment = (comment: EvidenceComment): void =>
    edit(
      `comment:${comment.id}`,
      (current) => ({ ...current, comments: [...current.comments.filter((candidate) => candidate.id !== comment.id), comment] }),
      () => client.invoke('comment.save', { submissionId, comment }),
    );

  const deleteComment = async (commentId: string): Promise<void> => {
    await saver.flush();
    show((current) => ({ ...current, comments: current.comments.filter((candidate) => candidate.id !== commentId) }));
    callbacks.onCommentDeleted(commentId);
    await saver.saveNow(send(() => client.invoke('comment.delete', { submissionId, commentId })));
  };

  return { setScore, setRationale, setFeedback, saveComment, deleteComment };
}
