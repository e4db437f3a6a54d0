import type { TFunction } from 'i18next';
import type { RubricVersion } from '../../../shared/domain/rubric';
import { allCriteria } from '../../../shared/domain/rubric';
import type { AuditEntry } from '../../../shared/hosted-api/audit';
import { BackreadReviewRequest } from '../../../shared/hosted-api/backreading';
import { commentOf, decisionOf, receivedDecisionOf } from '../../../shared/quality/audit';
import { anchorLabel } from '../comments/anchor';

function readReview(value: string): BackreadReviewRequest | null {
  try {
    const parsed = BackreadReviewRequest.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A level by the rubric's name for it ("3 · Proficient"). */
export function levelWords(rubric: RubricVersion, criterionId: string, level: number | null): string {
  if (level === null) return '–';
  const label = allCriteria(rubric)
    .find((criterion) => criterion.id === criterionId)
    ?.levels.find((candidate) => candidate.level === level)?.label;
  return label ? `${level} · ${label}` : String(level);
}

/**
 * One side (before or after) of a change in the lead's words: a level by name, a comment with where
 * it points, a decision with its note; a text as it is; '' for nothing.
 */
export function valueWords(entry: AuditEntry, value: string | null, rubric: RubricVersion, t: TFunction): string {
  if (value === null) return '';
  switch (entry.kind) {
    case 'score':
      return levelWords(rubric, entry.target ?? '', Number(value));
    case 'comment': {
      const comment = commentOf(value);
      return comment ? `${anchorLabel(comment, t)} · ${comment.body}${comment.visibility === 'internal' ? ` (${t('audit.internal')})` : ''}` : value;
    }
    case 'decision':
    case 'decision_undone':
    case 'decision_received': {
      const decision = decisionOf(value);
      return decision ? [t(`decision.outcomes.${decision.outcome}`), decision.note].filter(Boolean).join(' · ') : value;
    }
    case 'adjudication_resolved': {
      // The resolution is what the candidate's outcome rests on: its levels, criterion by criterion.
      const resolution = receivedDecisionOf(value);
      if (!resolution) return value;
      const titles = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion.title]));
      const levels = resolution.scores.map((score) => `${titles.get(score.criterionId) ?? score.criterionId}: ${levelWords(rubric, score.criterionId, score.level)}`).join('; ');
      return [t(`decision.outcomes.${resolution.outcome}`), levels, resolution.note].filter(Boolean).join(' · ');
    }
    case 'backread_reviewed': {
      const review = readReview(value);
      if (!review) return value;
      const overridden = review.criteria.filter((item) => item.verdict === 'override').length;
      return [t('audit.backreadSummary', { agreed: review.criteria.length - overridden, overridden }), review.note].filter(Boolean).join(' · ');
    }
    default:
      return value;
  }
}
