import type Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from './migrations';

/** Applies every numbered migration above the file's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, upTo = migrations.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`Database schema ${current} is newer than this workstation (${migrations.length}); update the app.`);
  }
  for (const migration of migrations.slice(current, upTo)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

export const schemaVersion = migrations.length;
