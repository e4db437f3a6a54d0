import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { AdjudicationDecision } from '../../../shared/hosted-api/quality';
import { AdjudicationCase } from './AdjudicationCase';
import { BackreadCase } from './BackreadCase';
import { announce } from '../app/announce';
import { useNavigation } from '../navigation/use-navigation';
import { words } from '../words';
import { useAdjudications, useBackreads } from './queries';

/**
 * Beside the evidence of a submission a lead reviews: the case the lead opened it for (a submission
 * can be in adjudication and in backreading); opened otherwise (the queue), its adjudication first,
 * which decides the candidate's outcome, then its backreading.
 */
export function ReviewPane({ submissionId, onSelectComment }: { submissionId: string; onSelectComment: (comment: EvidenceComment) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { reviewCase, show } = useNavigation();
  const answered = (view: 'adjudication' | 'backreading', message: string): void => {
    announce(words(message));
    show(view);
  };
  const adjudications = useAdjudications();
  const backreads = useBackreads();
  if (adjudications.state !== 'ready' || backreads.state !== 'ready') return <p aria-busy="true">{t('app.loading')}</p>;
  const adjudication = adjudications.value.adjudications.find((candidate) => candidate.submissionId === submissionId);
  const backread = backreads.value.backreads.find((candidate) => candidate.submissionId === submissionId);
  const adjudicationFirst = reviewCase === 'adjudication' || (reviewCase !== 'backread' && (!adjudication?.resolution || !backread));
  if (adjudication && (adjudicationFirst || !backread)) {
    // Answered beside the evidence, the lead goes back to the queue it came from (its next case shown first), not to an emptied review batch.
    return <AdjudicationCase item={adjudication} rubric={adjudications.value.rubrics.find((rubric) => rubric.id === adjudication.rubricVersionId) ?? null} onSelectComment={onSelectComment} onAnswered={() => answered('adjudication', 'adjudication.queuedMessage')} />;
  }
  if (backread) return <BackreadCase item={backread} rubric={backreads.value.rubrics.find((rubric) => rubric.id === backread.rubricVersionId) ?? null} onSelectComment={onSelectComment} onAnswered={() => answered('backreading', 'backreading.queued')} />;
  return <p className="hint">{t('adjudication.empty')}</p>;
}

/**
 * In review mode the evidence shows the comments of the readings under review (on the video
 * timeline, pages and images), each named by its assessor; null for any other submission.
 */
export function useReviewComments(submissionId: string, isReview: boolean): EvidenceComment[] | null {
  const adjudications = useAdjudications(isReview);
  const backreads = useBackreads(isReview);
  if (!isReview || adjudications.state !== 'ready' || backreads.state !== 'ready') return null;
  const readings: AdjudicationDecision[] = [
    ...(adjudications.value.adjudications.find((candidate) => candidate.submissionId === submissionId)?.decisions ?? []),
    ...backreads.value.backreads.filter((candidate) => candidate.submissionId === submissionId).map((candidate) => candidate.decision),
  ];
  const seen = new Set<string>();
  return readings.flatMap((reading) =>
    reading.comments.filter((comment) => !seen.has(comment.id) && seen.add(comment.id)).map((comment) => ({ ...comment, body: `${reading.assessor.displayName}: ${comment.body}` })),
  );
}
