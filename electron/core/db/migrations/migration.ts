import type Database from 'better-sqlite3-multiple-ciphers';

/** One numbered step of the schema; its number is its place in migrations/index.ts. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
