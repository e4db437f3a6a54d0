/** Which bytes of an evidence item a host serves: the recording or document itself, or its captions. */
export type EvidencePart = 'media' | 'captions';

/** A local evidence file for a host to stream, found by core; never part of the renderer contract. */
export interface EvidenceFile {
  path: string;
  mimeType: string;
  /** Set when the file is encrypted at rest: the key to read it with, the item it must be, its recorded size. */
  sealed?: { key: Uint8Array; evidenceId: string; bytes: number } | undefined;
}
