import { formatMediaTime } from '../format/media-time';
import type { EvidenceComment } from './comment';
import type { RubricVersion } from './rubric';

export interface CandidateFeedbackInput {
  rubric: Pick<RubricVersion, 'components'>;
  scores: Readonly<Record<string, number | null | undefined>>;
  overallFeedback: string;
  componentFeedback: Readonly<Record<string, string>>;
  comments: readonly EvidenceComment[];
  evidenceTitles: Readonly<Record<string, string>>;
  words?: AnchorWords;
}

export interface CandidateFeedback {
  overall: string;
  components: {
    componentId: string;
    title: string;
    feedback: string;
    criteria: { criterionId: string; title: string; levelLabel: string | null; notes: string[] }[];
  }[];
  /** Candidate-facing comments not linked to any criterion. */
  generalNotes: string[];
}

/** The words around an anchor, in the candidate's language (English by default). */
export interface AnchorWords {
  at: string;
  page: string;
  /** Said of a region the assessor marked on the page. */
  markedArea: string;
}
const englishAnchors: AnchorWords = { at: 'at', page: 'p.', markedArea: 'marked area' };

/** "at 3:12 — …", "at 3:12–3:20 — “what was said” — …", "p. 2 — “passage” — …", "p. 1 (marked area) — …": how a pinned comment reads to the candidate. */
export function renderCommentForCandidate(comment: EvidenceComment, evidenceTitle: string, words: AnchorWords = englishAnchors): string {
  let anchor: string;
  if (comment.startMs !== null) {
    const range = comment.endMs !== null && comment.endMs > comment.startMs ? `–${formatMediaTime(comment.endMs)}` : '';
    anchor = `${words.at} ${formatMediaTime(comment.startMs)}${range}`;
  } else {
    anchor = `${words.page} ${comment.page ?? 1}${comment.region ? ` (${words.markedArea})` : ''}`;
  }
  if (comment.quote) anchor += ` — “${comment.quote}”`;
  return `${evidenceTitle}, ${anchor} — ${comment.body.trim()}`;
}

/**
 * Exactly what the candidate will receive: internal comments and rationales never appear; pinned
 * comments are ordered by time within their evidence.
 */
export function composeCandidateFeedback(input: CandidateFeedbackInput): CandidateFeedback {
  const shared = input.comments.filter((comment) => comment.visibility === 'candidate' && comment.body.trim() !== '');
  const ordered = [...shared].sort((a, b) => (a.startMs ?? (a.page ?? 0) * 1e9) - (b.startMs ?? (b.page ?? 0) * 1e9));
  const render = (comment: EvidenceComment): string => renderCommentForCandidate(comment, input.evidenceTitles[comment.evidenceId] ?? '', input.words);
  return {
    overall: input.overallFeedback.trim(),
    components: input.rubric.components.map((component) => ({
      componentId: component.id,
      title: component.title,
      feedback: (input.componentFeedback[component.id] ?? '').trim(),
      criteria: component.criteria.map((criterion) => {
        const level = input.scores[criterion.id];
        return {
          criterionId: criterion.id,
          title: criterion.title,
          levelLabel: criterion.levels.find((candidate) => candidate.level === level)?.label ?? null,
          notes: ordered.filter((comment) => comment.criterionIds.includes(criterion.id)).map(render),
        };
      }),
    })),
    generalNotes: ordered.filter((comment) => comment.criterionIds.length === 0).map(render),
  };
}
