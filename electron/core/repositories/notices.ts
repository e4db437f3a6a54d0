import { SyncNotice } from '../../../shared/contract/methods';
import { loadSnapshot } from './quality';
import type { Db } from '../db/database';

type NoticeBody<K extends SyncNotice['kind']> = Omit<Extract<SyncNotice, { kind: K }>, 'id' | 'kind' | 'at'>;

/** Records something the assessor must be told about sync; it stays until dismissed. */
export function addNotice<K extends SyncNotice['kind']>(db: Db, kind: K, body: NoticeBody<K>, at: string): void {
  db.prepare('INSERT INTO sync_notices (kind, body, created_at) VALUES (?, ?, ?)').run(kind, JSON.stringify(body), at);
}

/** Notices not yet dismissed, newest first. A row this version cannot read is skipped, not fatal. */
export function listNotices(db: Db, limit = 50): SyncNotice[] {
  const rows = db
    .prepare('SELECT id, kind, body, created_at FROM sync_notices WHERE dismissed_at IS NULL ORDER BY id DESC LIMIT ?')
    .all(limit) as { id: number; kind: string; body: string; created_at: string }[];
  return rows.flatMap((row) => {
    const parsed = SyncNotice.safeParse({ ...(JSON.parse(row.body) as object), id: row.id, kind: row.kind, at: row.created_at });
    return parsed.success ? [parsed.data] : [];
  });
}

export function dismissNotice(db: Db, id: number, at: string): boolean {
  return db.prepare('UPDATE sync_notices SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(at, id).changes === 1;
}

/** The outbox kinds a refusal notice names (anything else is "a change"). */
const namedKinds = ['audit', 'referral', 'referral_message', 'adjudication_resolution', 'backread_review', 'lockout_lift'] as const;

/** A lead's case is named by the label its queue gave it (its submission is not on this machine). */
function leadCaseLabel(db: Db, submissionId: string): string | null {
  for (const key of ['adjudications', 'backreads'] as const) {
    const cases = loadSnapshot(db, key)?.body;
    const found = Array.isArray(cases) ? (cases as { submissionId?: unknown; label?: unknown }[]).find((item) => item.submissionId === submissionId) : undefined;
    if (typeof found?.label === 'string') return found.label;
  }
  return null;
}

/**
 * Something other than a decision the server refused for good (decisions go to the conflicts, where the
 * assessor chooses): noted, so that it is never lost without a word.
 */
export function noteRefusedEntry(db: Db, entry: { kind: string; entityId: string; payload: unknown }, reason: string, at: string): void {
  const payload = (typeof entry.payload === 'object' && entry.payload !== null ? entry.payload : {}) as { changes?: unknown[]; submissionId?: unknown };
  const what = namedKinds.find((kind) => kind === entry.kind) ?? 'other';
  const submissionId = typeof payload.submissionId === 'string' ? payload.submissionId : entry.entityId;
  const label = (db.prepare('SELECT label FROM submissions WHERE id = ?').get(submissionId) as { label: string } | undefined)?.label ?? leadCaseLabel(db, submissionId);
  addNotice(db, 'refused_by_server', { what, count: Array.isArray(payload.changes) ? payload.changes.length : 1, submissionLabel: label, reason: reason.slice(0, 100) }, at);
}
