import { Preferences } from '../../../shared/contract/methods';
import type { Db } from '../db/database';
import { getPreference, setPreference } from '../repositories/preferences';

const keys = Object.keys(Preferences.shape) as (keyof Preferences)[];

/** Saved preferences; a value that no longer validates is dropped, not trusted. */
export function readPreferences(db: Db): Preferences {
  const preferences: Preferences = {};
  for (const key of keys) {
    const parsed = Preferences.shape[key].safeParse(getPreference(db, key));
    if (parsed.success && parsed.data !== undefined) Object.assign(preferences, { [key]: parsed.data });
  }
  return preferences;
}

export function writePreferences(db: Db, patch: Preferences, at: string): Preferences {
  db.transaction(() => {
    for (const key of keys) {
      if (patch[key] !== undefined) setPreference(db, key, patch[key], at);
    }
  })();
  return readPreferences(db);
}
