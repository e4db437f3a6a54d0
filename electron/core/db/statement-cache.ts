import type Database from 'better-sqlite3-multiple-ciphers';

/** Distinct statements kept per connection; past it the oldest goes (SQL with inlined lists is the only kind that varies). */
const cachedStatements = 1000;

/**
 * Makes `db.prepare` answer each SQL text with the statement it prepared before on this connection:
 * preparing costs several times running (7–15 µs against 2–3 here), and a scoring edit runs a dozen.
 * Every repository keeps calling `db.prepare(sql)` and gets the cached statement. A statement handed
 * out again is reset to the plain row mode, so one caller's `.pluck()` never leaks into the next.
 */
export function cacheStatements(db: Database.Database): void {
  const prepareAnew = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    const cached = cache.get(sql);
    if (cached) {
      if (cached.reader) cached.pluck(false).expand(false).raw(false);
      return cached;
    }
    const statement = prepareAnew(sql);
    if (cache.size >= cachedStatements) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
    return statement;
  };
  db.prepare = prepare as typeof db.prepare;
}
