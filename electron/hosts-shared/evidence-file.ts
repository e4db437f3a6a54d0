/** Which bytes of an evidence item a host serves: the recording or document itself, or its captions. */
export type EvidencePart = 'media' | 'captions';
