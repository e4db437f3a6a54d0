import { decisionKind } from './outbox-kinds';

/**
 * A submission's status is derived, never stored, so it cannot drift from the data it describes.
 * Needs aliases: s = submissions, d = decisions, o = outbox (decision row), sd = scoring_drafts.
 */
export const statusSql = `
  CASE
    WHEN d.submission_id IS NOT NULL THEN
      CASE o.state WHEN 'acknowledged' THEN 'synced' WHEN 'conflict' THEN 'conflict' WHEN 'resolved' THEN 'handed_back' ELSE 'queued' END
    WHEN sd.submission_id IS NULL THEN 'not_started'
    WHEN (SELECT count(*) FROM draft_scores ds WHERE ds.submission_id = s.id AND ds.level IS NOT NULL)
       = (SELECT count(*) FROM rubric_criteria rc WHERE rc.rubric_version_id = s.rubric_version_id) THEN 'scored'
    ELSE 'in_progress'
  END`;

export const statusJoins = `
  LEFT JOIN decisions d ON d.submission_id = s.id
  LEFT JOIN outbox o ON o.kind = '${decisionKind}' AND o.entity_id = s.id
  LEFT JOIN scoring_drafts sd ON sd.submission_id = s.id`;
