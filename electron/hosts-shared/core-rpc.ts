import type { EvidenceSummary } from '../core/evidence/plaintext-reads';
import type { EvidencePart } from './evidence-file';

/**
 * The database's keys as main hands them to core at start: kept by main with safeStorage (encoded,
 * see core/db/database-keys), or, where there is no keychain, kept by core in its data folder.
 */
export type DatabaseKeysHandover = { kept: 'keychain'; keys: string } | { kept: 'key-file' };

/** What the desktop's main process answers core: only what needs safeStorage, which a utility process has not. */
export type MainForCore = {
  methods: {
    /** Asked first: core opens its database only once it has them. */
    'databaseKeys.handover': { input: null; output: DatabaseKeysHandover };
    /** Keeps the database's keys (encoded) with safeStorage; fails when it could not. */
    'databaseKeys.save': { input: { keys: string }; output: null };
    /** The session's secrets, kept with the OS keychain. */
    'vault.load': { input: null; output: string | null };
    'vault.save': { input: { secret: string }; output: null };
    'vault.clear': { input: null; output: null };
  };
  events: Record<never, never>;
};

/** What core answers main: evidence as plaintext ranges for the app:// protocol (the evidence key stays in core). */
export type CoreForMain = {
  methods: {
    'evidence.describe': { input: { evidenceId: string; part: EvidencePart }; output: EvidenceSummary };
    'evidence.read': { input: { evidenceId: string; part: EvidencePart; start: number; end: number }; output: Uint8Array };
  };
  events: {
    /** Core could not start (its database unreadable, say): main logs why. */
    fatal: { message: string };
  };
};

/**
 * Main hands core one end of each renderer's channel as a message of its own, carrying the port
 * (the RPC's messages carry none).
 */
export const rendererPortHandover = 'renderer-port';
