// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueueRail } from '../../../renderer/src/queue/QueueRail';
import { HintProvider } from '../../../renderer/src/ui/Hint';
import { batch, queueItem } from './fixtures';
import { renderView, startI18n } from './harness';

// jsdom lays nothing out: the virtualized list is given a window of 640 px to show its rows in.
const height = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(640);
const width = vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(320);
beforeAll(startI18n);
afterAll(() => [height, width].forEach((spy) => spy.mockRestore()));

const items = [queueItem('s1'), queueItem('s2', { status: 'queued', outcome: 'award' }), queueItem('s3', { status: 'in_progress', lease: 'expired' }), queueItem('s4', { status: 'conflict', outcome: 'not_yet' })];
const shown = batch('b1', { total: 4, counts: { ...batch('b1').counts, not_started: 1, in_progress: 1, queued: 1, conflict: 1 } });

function rail(overrides: Partial<React.ComponentProps<typeof QueueRail>> = {}) {
  const onOpen = vi.fn();
  const onCollapsedChange = vi.fn();
  renderView(
    <HintProvider>
    <QueueRail
      batches={[shown]}
      batch={shown}
      queue={{ state: 'ready', value: items }}
      openSubmissionId="s1"
      collapsed={false}
      onCollapsedChange={onCollapsedChange}
      onChooseBatch={() => undefined}
      onOpen={onOpen}
      onPublished={() => undefined}
      onClaimMore={() => undefined}
      {...overrides}
    />
    </HintProvider>,
  );
  return { onOpen, onCollapsedChange, user: userEvent.setup() };
}
const rows = async (): Promise<string[]> => (await within(screen.getByRole('listbox')).findAllByRole('option')).map((option) => option.querySelector('.queue-row-title')?.textContent ?? '');

describe('the queue', () => {
  it('shows every row with how much of the batch is decided, the open one selected', async () => {
    rail();
    expect(await rows()).toEqual(['Submission s1', 'Submission s2', 'Submission s3', 'Submission s4']);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Submission s1');
    expect(screen.getByText('2 of 4 decided', { exact: false })).toBeTruthy();
    // Cut short in the narrow rail, a row's label and micro-credential are there in full on hover.
    const first = screen.getAllByRole('option')[0]!;
    expect([first.querySelector('.queue-row-title')?.getAttribute('title'), first.querySelector('.queue-row-credential')?.getAttribute('title')]).toEqual(['Submission s1', items[0]!.credentialTitle]);
  });

  it('marks a submission whose referral a lead answered', async () => {
    rail({ answeredReferrals: new Set(['s2']) });
    await rows();
    const marked = screen.getAllByRole('option').filter((option) => option.textContent?.includes('Lead answered'));
    expect(marked.map((option) => option.querySelector('.queue-row-title')?.textContent)).toEqual(['Submission s2']);
  });

  it("marks a resubmission compactly, its attempt in words on hover and for screen readers", async () => {
    rail({ queue: { state: 'ready', value: [queueItem('s1'), queueItem('s2', { attempt: 2 })] } });
    await rows();
    const chip = screen.getByLabelText('Attempt 2');
    expect([chip.textContent, chip.getAttribute('title'), chip.closest('[role=option]')?.querySelector('.queue-row-title')?.textContent]).toEqual(['↻ 2', 'Attempt 2', 'Submission s2']);
  });

  it('filters by status, and counts a lease run out as needing attention', async () => {
    const { user } = rail();
    await user.click(screen.getByRole('radio', { name: 'To do' }));
    expect(await rows()).toEqual(['Submission s1', 'Submission s3']);
    await user.click(screen.getByRole('radio', { name: 'Decided' }));
    expect(await rows()).toEqual(['Submission s2']);
    await user.click(screen.getByRole('radio', { name: 'Needs attention' }));
    expect(await rows()).toEqual(['Submission s3', 'Submission s4']);
  });

  it('moves with the arrow keys and opens with Enter, or with a click', async () => {
    const { onOpen, user } = rail();
    await rows();
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith('s3');
    await user.keyboard('{End}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith('s4');
    await user.click(screen.getByText('Submission s2'));
    expect(onOpen).toHaveBeenLastCalledWith('s2');
  });

  it('folds away to its toggle', async () => {
    const { onCollapsedChange, user } = rail();
    await user.click(screen.getByRole('button', { name: 'Hide the queue' }));
    expect(onCollapsedChange).toHaveBeenCalledWith(true);
  });

  it('says a batch is done for as long as it is shown, with where its decisions are and what comes next', async () => {
    const done = batch('b1', { total: 2, counts: { ...batch('b1').counts, not_started: 0, in_progress: 0, scored: 0, queued: 1, synced: 1 } });
    const next = batch('b2', { total: 3, credentials: ['Questioning'], counts: { ...batch('b2').counts, not_started: 3, queued: 0, synced: 0 } });
    const onChooseBatch = vi.fn();
    const onClaimMore = vi.fn();
    const { user } = rail({ batches: [done, next], batch: done, queue: { state: 'ready', value: [queueItem('s1', { status: 'queued', outcome: 'award' }), queueItem('s2', { status: 'synced', outcome: 'not_yet' })] }, onChooseBatch, onClaimMore });
    const panel = screen.getByRole('region', { name: 'Batch done' });
    expect(within(panel).getByRole('status').textContent).toBe('Every submission decided: 1 decision waits to sync.');
    await user.click(within(panel).getByRole('button', { name: /^Next: Questioning · claimed .+ \(3 to decide\)$/ }));
    expect(onChooseBatch).toHaveBeenCalledWith('b2');
    cleanup();
    rail({ batches: [done], batch: done, onClaimMore });
    await user.click(within(screen.getByRole('region', { name: 'Batch done' })).getByRole('button', { name: /claim work…$|Claim more…/ }));
    expect(onClaimMore).toHaveBeenCalledTimes(1);
  });

  it('says a refused decision went to a lead as a note, not that everything synced', () => {
    const done = batch('b1', { total: 2, counts: { ...batch('b1').counts, not_started: 0, synced: 1, handed_back: 1 } });
    rail({ batches: [done], batch: done });
    expect(within(screen.getByRole('region', { name: 'Batch done' })).getByRole('status').textContent).toBe('Every submission decided: 1 refused decision went to a lead as a note; the rest synced.');
  });

  it('says nothing of an end while a submission is undecided', () => {
    rail();
    expect(screen.queryByRole('region', { name: 'Batch done' })).toBeNull();
  });
});
