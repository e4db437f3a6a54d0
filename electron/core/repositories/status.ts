import { decisionKind } from './outbox-kinds';

/**
 * A submission's status is derived, never stored, so it cannot drift from the data it describes.
 * Needs aliases: s = submissions, d = decisions, o = outbox (decision row), sd = scoring_drafts.
 */
export const statusSql = `
  CASE
    -- The demo's decisions never leave: not "queued to sync", however long they wait.
    WHEN d.submission_id IS NOT NULL AND o.state = 'pending' AND EXISTS (SELECT 1 FROM assignments demo_a JOIN batches demo_b ON demo_b.id = demo_a.batch_id WHERE demo_a.submission_id = s.id AND demo_b.is_demo = 1) THEN 'kept_here'
    WHEN d.submission_id IS NOT NULL THEN
      CASE o.state WHEN 'acknowledged' THEN 'synced' WHEN 'conflict' THEN 'conflict' WHEN 'resolved' THEN 'handed_back' ELSE 'queued' END
    WHEN sd.submission_id IS NULL THEN 'not_started'
    WHEN (SELECT count(*) FROM draft_scores ds WHERE ds.submission_id = s.id AND ds.level IS NOT NULL)
       = (SELECT count(*) FROM rubric_criteria rc WHERE rc.rubric_version_id = s.rubric_version_id) THEN 'scored'
    -- In progress once something was scored or written; merely opened (where playback was, time on
    -- task: they too keep a draft row) it is not started, nor with a comment only begun (C pressed,
    -- nothing typed, quoted or marked).
    WHEN sd.overall_feedback <> ''
      OR EXISTS (SELECT 1 FROM draft_scores ds WHERE ds.submission_id = s.id AND (ds.level IS NOT NULL OR ds.rationale <> ''))
      OR EXISTS (SELECT 1 FROM component_feedback cf WHERE cf.submission_id = s.id AND cf.body <> '')
      OR EXISTS (SELECT 1 FROM comments c WHERE c.submission_id = s.id AND (c.body <> '' OR c.quote IS NOT NULL OR c.region IS NOT NULL)) THEN 'in_progress'
    ELSE 'not_started'
  END`;

export const statusJoins = `
  LEFT JOIN decisions d ON d.submission_id = s.id
  LEFT JOIN outbox o ON o.kind = '${decisionKind}' AND o.entity_id = s.id
  LEFT JOIN scoring_drafts sd ON sd.submission_id = s.id`;
