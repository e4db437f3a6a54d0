import type { Db } from '../db/database';

/** Call inside the transaction that stops pointing at these files; they are deleted once it has committed. */
export function scheduleFileDeletion(db: Db, paths: readonly string[]): void {
  const insert = db.prepare('INSERT INTO files_to_delete (path) VALUES (?) ON CONFLICT DO NOTHING');
  for (const path of paths) insert.run(path);
}

export function listFilesToDelete(db: Db): string[] {
  return (db.prepare('SELECT path FROM files_to_delete').all() as { path: string }[]).map((row) => row.path);
}

export function forgetFileToDelete(db: Db, path: string): void {
  db.prepare('DELETE FROM files_to_delete WHERE path = ?').run(path);
}
