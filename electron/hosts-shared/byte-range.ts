/** What to send for a `Range` request header against a body of `size` bytes (RFC 9110 §14). */
export type ByteRange = { status: 200 | 206; start: number; end: number } | { status: 416 };

export function parseByteRange(header: string | undefined, size: number): ByteRange {
  const whole: ByteRange = { status: 200, start: 0, end: size - 1 };
  if (!header) return whole;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multiple ranges or other units: serving the whole body is a valid answer.
  if (!match) return whole;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return whole;
  let start: number;
  let end: number;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { status: 416 };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || end < start) return { status: 416 };
  return { status: 206, start, end };
}

/** Response headers for a byte range of evidence. Evidence is sensitive: never cached, never sniffed. */
export function rangeHeaders(range: ByteRange, size: number, mimeType: string): Record<string, string> {
  const base = { 'accept-ranges': 'bytes', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (range.status === 416) return { ...base, 'content-range': `bytes */${size}` };
  return {
    ...base,
    'content-type': mimeType,
    'content-length': String(range.end - range.start + 1),
    ...(range.status === 206 ? { 'content-range': `bytes ${range.start}-${range.end}/${size}` } : {}),
  };
}
