import { migration0001Initial } from './0001-initial';
import { migration0002ScoringWorkspace } from './0002-scoring-workspace';
import { migration0003SyncResolution } from './0003-sync-resolution';
import { migration0004Quality } from './0004-quality';
import { migration0005WorkOwner } from './0005-work-owner';
import { migration0006SealedWork } from './0006-sealed-work';
import { migration0007FilesToDelete } from './0007-files-to-delete';
import { migration0008BatchTitles } from './0008-batch-titles';
import { migration0009CommentRegions } from './0009-comment-regions';
import { migration0010LeaseReassigned } from './0010-lease-reassigned';
import { migration0011AuditTrail } from './0011-audit-trail';
import { migration0012SentPayloadsForgotten } from './0012-sent-payloads-forgotten';
import { migration0013RefusedNotices } from './0013-refused-notices';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Append only: a shipped migration is never edited; a change is a new number. */
export const migrations: readonly Migration[] = [migration0001Initial, migration0002ScoringWorkspace, migration0003SyncResolution, migration0004Quality, migration0005WorkOwner, migration0006SealedWork, migration0007FilesToDelete, migration0008BatchTitles, migration0009CommentRegions, migration0010LeaseReassigned, migration0011AuditTrail, migration0012SentPayloadsForgotten, migration0013RefusedNotices];

migrations.forEach((migration, index) => {
  if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is numbered out of order`);
});
