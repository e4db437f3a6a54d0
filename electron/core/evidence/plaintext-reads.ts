import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { EncryptedReader, EvidenceIntegrityError } from './encrypted-file';
import type { EvidencePart } from '../../hosts-shared/evidence-file';

/** Where an evidence item's bytes are and how to read them: known to core only (it holds the evidence key). */
export interface LocatedEvidence {
  path: string;
  mimeType: string;
  /** Set when the file is encrypted at rest: the key to read it with, the item it must be, its recorded size. */
  sealed?: { key: Uint8Array; evidenceId: string; bytes: number } | undefined;
}

/** What a host learns of an item it serves: its size and the type it was delivered as; never where it is or its key. */
export type EvidenceSummary = { found: true; bytes: number; mimeType: string } | { found: false; why: 'missing' | 'unreadable' };

/**
 * The most plaintext one read returns. A host streams longer ranges read by read (a media element
 * seeks through a long video asking for `bytes=N-`), so no read holds a whole video in memory or
 * keeps core's thread for long.
 */
export const maxEvidenceRead = 1024 * 1024;

/** Evidence as plaintext byte ranges, checked on the way: what both hosts serve, so the evidence key never leaves core. */
export interface EvidenceReads {
  /** The item's size and type, after its integrity check (an encrypted file's size and final chunk). */
  describe(evidenceId: string, part: EvidencePart): EvidenceSummary;
  /** Plaintext bytes start..end (inclusive, at most maxEvidenceRead); throws when the item cannot be read. */
  read(evidenceId: string, part: EvidencePart, start: number, end: number): Uint8Array;
}

/** Opens a file, works on it, closes it. */
function withFile<T>(path: string, work: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return work(fd);
  } finally {
    closeSync(fd);
  }
}

function withReader<T>(file: LocatedEvidence, sealed: NonNullable<LocatedEvidence['sealed']>, work: (reader: EncryptedReader) => T): T {
  const reader = EncryptedReader.open(file.path, Buffer.from(sealed.key), sealed.evidenceId, sealed.bytes);
  try {
    return work(reader);
  } finally {
    reader.close();
  }
}

function readPlain(path: string, start: number, end: number): Uint8Array {
  return withFile(path, (fd) => {
    const bytes = Buffer.alloc(end - start + 1);
    if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) throw new RangeError('The range ends past the evidence.');
    return bytes;
  });
}

/**
 * Reads evidence for the hosts. `locate` finds an item's file (null: not here); `onUnreadable` hears
 * of a file that fails its check, so core removes it and fetches it again without a host telling it to.
 * An encrypted file is opened, and its size and final chunk checked, on every read: a file cut or
 * swapped while it plays is refused at the next read.
 */
export function evidenceReads(locate: (evidenceId: string, part: EvidencePart) => LocatedEvidence | null, onUnreadable: (evidenceId: string) => void): EvidenceReads {
  const reported = <T>(evidenceId: string, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof EvidenceIntegrityError) onUnreadable(evidenceId);
      throw error;
    }
  };

  return {
    describe(evidenceId, part) {
      const file = locate(evidenceId, part);
      if (!file) return { found: false, why: 'missing' };
      const sealed = file.sealed;
      try {
        const bytes = sealed ? reported(evidenceId, () => withReader(file, sealed, (reader) => reader.size)) : withFile(file.path, (fd) => fstatSync(fd).size);
        return { found: true, bytes, mimeType: file.mimeType };
      } catch (error) {
        return { found: false, why: error instanceof EvidenceIntegrityError ? 'unreadable' : 'missing' };
      }
    },
    read(evidenceId, part, start, end) {
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end - start + 1 > maxEvidenceRead) {
        throw new RangeError(`A read is a range of 1 to ${maxEvidenceRead} bytes.`);
      }
      const file = locate(evidenceId, part);
      if (!file) throw new Error('No such evidence on this machine.');
      const sealed = file.sealed;
      return sealed ? reported(evidenceId, () => withReader(file, sealed, (reader) => reader.range(start, end))) : readPlain(file.path, start, end);
    },
  };
}
