/** One caption: what was said between two moments of the recording. */
export interface Cue {
  startMs: number;
  endMs: number;
  /** The words, with WebVTT's markup removed ("<v Teacher>Hello" reads "Teacher: Hello"). */
  text: string;
}

const timestamp = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const timing = /^(\S+)\s+-->\s+(\S+)/;

function parseTimestamp(value: string): number | null {
  const match = timestamp.exec(value);
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** Voice spans name the speaker; every other tag (<i>, <c.loud>, <00:01.000>) is only markup. */
function plainText(lines: readonly string[]): string {
  return lines
    .join(' ')
    .replace(/<v(?:\.[^\s>]*)?\s+([^>]+)>/g, '$1: ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The cues of a WebVTT file, in time order. Blocks that are not cues (NOTE, STYLE, REGION) and cues
 * with unreadable timings are skipped rather than failing the whole transcript: captions come from
 * candidates' uploads and a transcript with one cue missing is still worth reading.
 */
export function parseWebVtt(source: string): Cue[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text)) return [];
  const cues: Cue[] = [];
  for (const block of text.split(/\n{2,}/).slice(1)) {
    const lines = block.split('\n').filter((line, index) => index > 0 || line.trim() !== '');
    const timingAt = lines.findIndex((line) => line.includes('-->'));
    if (timingAt < 0 || timingAt > 1) continue; // NOTE, STYLE, REGION, or not a cue
    const match = timing.exec(lines[timingAt]!.trim());
    const startMs = match ? parseTimestamp(match[1]!) : null;
    const endMs = match ? parseTimestamp(match[2]!) : null;
    if (startMs === null || endMs === null || endMs < startMs) continue;
    const words = plainText(lines.slice(timingAt + 1));
    if (words) cues.push({ startMs, endMs, text: words });
  }
  return cues.sort((a, b) => a.startMs - b.startMs);
}

/** The cue being spoken at `ms`, or the last one before it while nothing is (a pause between cues). */
export function cueAt(cues: readonly Cue[], ms: number): number {
  let found = -1;
  for (let index = 0; index < cues.length && cues[index]!.startMs <= ms; index += 1) found = index;
  return found;
}
