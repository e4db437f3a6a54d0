import type { Db } from '../db/database';
import type { CommentTag } from '../../../shared/domain/comment';

export interface Snippet {
  id: string;
  title: string;
  body: string;
  tag: CommentTag;
  usedCount: number;
  updatedAt: string;
}

interface SnippetRow {
  id: string;
  title: string;
  body: string;
  tag: CommentTag;
  used_count: number;
  updated_at: string;
}

const toSnippet = (row: SnippetRow): Snippet => ({ id: row.id, title: row.title, body: row.body, tag: row.tag, usedCount: row.used_count, updatedAt: row.updated_at });

export function saveSnippet(db: Db, snippet: { id: string; title: string; body: string; tag: CommentTag }, at: string): void {
  db.prepare(
    `INSERT INTO comment_bank (id, title, body, tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, tag = excluded.tag, updated_at = excluded.updated_at`,
  ).run(snippet.id, snippet.title, snippet.body, snippet.tag, at, at);
}

export function deleteSnippet(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM comment_bank WHERE id = ?').run(id).changes > 0;
}

export function markSnippetUsed(db: Db, id: string): boolean {
  return db.prepare('UPDATE comment_bank SET used_count = used_count + 1 WHERE id = ?').run(id).changes > 0;
}

/** Most used first; a query matches words in the title or body, case-insensitively. */
export function searchSnippets(db: Db, query: string): Snippet[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const where = words.map(() => `(instr(lower(title), ?) > 0 OR instr(lower(body), ?) > 0)`).join(' AND ');
  const rows = db
    .prepare(`SELECT * FROM comment_bank ${where ? `WHERE ${where}` : ''} ORDER BY used_count DESC, title LIMIT 200`)
    .all(...words.flatMap((word) => [word, word])) as SnippetRow[];
  return rows.map(toSnippet);
}

/** The snippets were the previous account's (another account signed in, or the machine was wiped). */
export function clearCommentBank(db: Db): void {
  db.prepare('DELETE FROM comment_bank').run();
}
