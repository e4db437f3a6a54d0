import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isWindowPairId } from '../../shared/windows/pair';
import { openEvidenceSide, openScoringSide } from '../../renderer/src/window-link/channel';
import type { WindowLink } from '../../renderer/src/window-link/channel';
import { actsOnOpenSubmission } from '../../renderer/src/window-link/messages';
import type { FromEvidenceWindow } from '../../renderer/src/window-link/messages';

// The windows' BroadcastChannel, under Node: every instance in this thread hears the others', and a
// message posted earlier reaches each listener before one posted later (tasks are queued when posted),
// so "heard nothing before the marker" means "heard nothing".
const channelName = 'assessor.window-link.v2';
const opened: { close: () => void }[] = [];
afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
});

function track<T extends { close: () => void }>(channel: T): T {
  opened.push(channel);
  return channel;
}

/** What `link` heard, and a wait for the first message that matches (no polling, no sleeping). */
function listen<Incoming>(link: Pick<WindowLink<Incoming, never>, 'subscribe'>): { heard: Incoming[]; until: (match: (message: Incoming) => boolean) => Promise<void> } {
  const heard: Incoming[] = [];
  const waiting = new Set<{ match: (message: Incoming) => boolean; resolve: () => void }>();
  link.subscribe((message) => {
    heard.push(message);
    for (const waiter of waiting) {
      if (!waiter.match(message)) continue;
      waiting.delete(waiter);
      waiter.resolve();
    }
  });
  return { heard, until: (match) => new Promise((resolve) => void waiting.add({ match, resolve })) };
}

/** Another page on the same origin, posting whatever it likes on the windows' channel. */
function otherPage(): { post: (data: unknown) => void } {
  const channel = track(new BroadcastChannel(channelName));
  return { post: (data) => channel.postMessage(data) };
}

const bye = { type: 'bye' } as const;

describe('the window link between a scoring window and its evidence window', () => {
  it('takes its partner’s messages and no other pair’s: two scoring windows, each with its evidence window', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const firstScoring = track(openScoringSide(first));
    const firstEvidence = track(openEvidenceSide(first));
    const secondScoring = track(openScoringSide(second));
    const secondEvidence = track(openEvidenceSide(second));
    const [atFirstScoring, atSecondScoring] = [listen(firstScoring), listen(secondScoring)];
    const [atFirstEvidence, atSecondEvidence] = [listen(firstEvidence), listen(secondEvidence)];

    firstEvidence.post({ type: 'score', submissionId: 'sub-1', level: 3 });
    secondEvidence.post({ type: 'score', submissionId: 'sub-2', level: 1 });
    await Promise.all([atFirstScoring.until((message) => message.type === 'score'), atSecondScoring.until((message) => message.type === 'score')]);
    expect(atFirstScoring.heard).toEqual([{ type: 'score', submissionId: 'sub-1', level: 3 }]);
    expect(atSecondScoring.heard).toEqual([{ type: 'score', submissionId: 'sub-2', level: 1 }]);

    firstScoring.post({ type: 'show', submissionId: 'sub-1', evidenceId: 'ev-1', page: 1, atMs: 0 });
    secondScoring.post({ type: 'show', submissionId: 'sub-2', evidenceId: 'ev-2', page: 1, atMs: 0 });
    await Promise.all([atFirstEvidence.until((message) => message.type === 'show'), atSecondEvidence.until((message) => message.type === 'show')]);
    expect(atFirstEvidence.heard).toEqual([{ type: 'show', submissionId: 'sub-1', evidenceId: 'ev-1', page: 1, atMs: 0 }]);
    expect(atSecondEvidence.heard).toEqual([{ type: 'show', submissionId: 'sub-2', evidenceId: 'ev-2', page: 1, atMs: 0 }]);
  });

  it('ignores its own side: a second evidence window of the same pair (a duplicated tab) drives nothing', async () => {
    const pair = randomUUID();
    const scoring = track(openScoringSide(pair));
    const evidence = track(openEvidenceSide(pair));
    const duplicate = track(openEvidenceSide(pair));
    const atEvidence = listen(evidence);
    // Read by the scoring side's rules, this would be "play" for the evidence window.
    duplicate.post({ type: 'action', submissionId: 'sub-1', action: 'playPause' });
    scoring.post({ type: 'pause' });
    await atEvidence.until((message) => message.type === 'pause');
    expect(atEvidence.heard).toEqual([{ type: 'pause' }]);
  });

  it('hears nothing before it has a pair: a scoring window that opened no evidence window has no link to hear on', async () => {
    // The scoring window opens its side only with the pair it made (see EvidenceWindowProvider), so
    // an evidence window's hello reaches only the scoring window whose pair it names.
    const pair = randomUUID();
    const evidence = track(openEvidenceSide(pair));
    const stranger = listen(track(openScoringSide(randomUUID())));
    const partner = listen(track(openScoringSide(pair)));
    evidence.post({ type: 'hello' });
    await partner.until((message) => message.type === 'hello');
    expect(stranger.heard).toEqual([]);
  });

  it('says nothing once closed, when a new pair has replaced it, and does not throw', async () => {
    const pair = randomUUID();
    const old = openScoringSide(pair);
    const evidence = track(openEvidenceSide(pair));
    const atEvidence = listen(evidence);
    old.post({ type: 'close' });
    old.close();
    expect(() => old.post({ type: 'show', submissionId: null, evidenceId: null, page: 1, atMs: 0 })).not.toThrow();
    const page = otherPage();
    page.post({ pair, from: 'scoring', message: { type: 'pause' } }); // posted after the late show: heard after it, had it been sent
    await atEvidence.until((message) => message.type === 'pause');
    expect(atEvidence.heard).toEqual([{ type: 'close' }, { type: 'pause' }]);
  });

  it.each([
    ['another pair’s', () => ({ pair: randomUUID(), from: 'evidence', message: { type: 'hello' } })],
    ['its own side’s', (pair: string) => ({ pair, from: 'scoring', message: { type: 'hello' } })],
    ['one naming no pair (as before pairs)', () => ({ from: 'evidence', message: { type: 'hello' } })],
    ['one whose pair differs only in case', (pair: string) => ({ pair: pair.toUpperCase(), from: 'evidence', message: { type: 'hello' } })],
    ['one with more beside the message', (pair: string) => ({ pair, from: 'evidence', message: { type: 'hello' }, replyTo: 'elsewhere' })],
    ['an unknown message', (pair: string) => ({ pair, from: 'evidence', message: { type: 'award' } })],
    ['a score out of range', (pair: string) => ({ pair, from: 'evidence', message: { type: 'score', submissionId: 'sub-1', level: 42 } })],
    ['a score naming no submission', (pair: string) => ({ pair, from: 'evidence', message: { type: 'score', level: 3 } })],
    ['no envelope at all', () => 'hello'],
    ['null', () => null],
  ])('ignores %s message and still takes the partner’s next one', async (_case, forged) => {
    const pair = randomUUID();
    const atScoring = listen(track(openScoringSide(pair)));
    const page = otherPage();
    page.post(forged(pair));
    page.post({ pair, from: 'evidence', message: bye }); // the partner's, from the same page: it comes after
    await atScoring.until((message) => message.type === 'bye');
    expect(atScoring.heard).toEqual([bye]);
  });
});

describe('what the scoring window does with its evidence window’s messages', () => {
  const about = (submissionId: string): FromEvidenceWindow[] => [
    { type: 'score', submissionId, level: 3 },
    { type: 'action', submissionId, action: 'award' },
    { type: 'addComment', submissionId },
    { type: 'regionComment', submissionId, region: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 } },
    { type: 'pick', submissionId, commentId: 'c-1' },
    { type: 'select', submissionId, evidenceId: 'ev-1' },
    { type: 'page', submissionId, evidenceId: 'ev-1', page: 2 },
    { type: 'position', submissionId, evidenceId: 'ev-1', ms: 1000, playing: true },
  ];

  it('acts on what names the submission open here', () => {
    for (const message of about('sub-1')) expect(actsOnOpenSubmission(message, 'sub-1'), message.type).toBe(true);
  });

  it('never on what names another: a "3" pressed over one submission scores no other', () => {
    for (const message of about('sub-2')) expect(actsOnOpenSubmission(message, 'sub-1'), message.type).toBe(false);
  });

  it('takes hello and bye whatever is open: they are about the window, not a submission', () => {
    expect(actsOnOpenSubmission({ type: 'hello' }, 'sub-1')).toBe(true);
    expect(actsOnOpenSubmission(bye, 'sub-1')).toBe(true);
  });
});

describe('pair ids', () => {
  it('are what crypto.randomUUID makes, which the desktop host accepts', () => {
    for (let made = 0; made < 200; made++) expect(isWindowPairId(randomUUID())).toBe(true);
  });
});
