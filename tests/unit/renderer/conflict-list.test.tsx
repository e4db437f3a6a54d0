// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/methods';
import { syncStatusKey } from '../../../renderer/src/data/sync-status';
import { ConflictList } from '../../../renderer/src/account/ConflictList';
import { conflict } from './fixtures';
import { refusal, renderView, startI18n } from './harness';

beforeAll(startI18n);

const status = (revision: number, conflicts: number): SyncStatus => ({
  revision,
  state: 'online',
  waiting: 0,
  conflicts,
  lastSyncedAt: null,
  downloads: { files: 0, doneBytes: 0, totalBytes: 0, bytesPerSecond: 0, secondsLeft: null, paused: false, blockedByDiskSpace: false, active: [] },
  notices: [],
  storage: { evidenceBytes: 0, freeBytes: 1, retentionDays: 7 },
});

describe('ConflictList', () => {
  it('is not read while the status counts no conflict', () => {
    const view = renderView(<ConflictList count={0} />);
    expect(view.core.callsOf('sync.conflicts')).toEqual([]);
    expect(view.container.textContent).toBe('');
  });

  it('lists each refused decision with the server’s reason, and offers the lead only where the server allows it', async () => {
    renderView(<ConflictList count={2} />, { 'sync.conflicts': { conflicts: [conflict('s1'), conflict('s2', { reason: 'rejected_as_invalid', choices: ['discarded'] })] } });
    expect(await screen.findByText('2 decisions the server refused')).toBeTruthy();
    expect(screen.getByText('Your lease on this submission ran out and it may have been given to another assessor.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Keep my scores as a note for the lead' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Discard my scores' })).toHaveLength(2);
  });

  it('takes a choice off the list at once, says what became of the scores, and keeps the status core answered with', async () => {
    const view = renderView(<ConflictList count={2} />, { 'sync.conflicts': { conflicts: [conflict('s1'), conflict('s2')] }, 'sync.resolveConflict': status(7, 1) });
    const user = userEvent.setup();
    await screen.findByText('2 decisions the server refused');
    await user.click(screen.getAllByRole('button', { name: 'Keep my scores as a note for the lead' })[0]!);
    expect(await screen.findByText('Submission s1: your scores will go to the lead as a note.')).toBeTruthy();
    expect(screen.queryByText('Submission s1', { selector: 'strong' })).toBeNull();
    expect(screen.getByText('Submission s2', { selector: 'strong' })).toBeTruthy();
    expect(view.core.callsOf('sync.resolveConflict')).toEqual([{ submissionId: 's1', choice: 'note_for_lead' }]);
    expect(view.queries.getQueryData<SyncStatus>(syncStatusKey)?.revision).toBe(7);
  });

  it('keeps a conflict it could not settle, and says why', async () => {
    renderView(<ConflictList count={1} />, { 'sync.conflicts': { conflicts: [conflict('s1')] }, 'sync.resolveConflict': refusal('not_found') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Discard my scores' }));
    await waitFor(() => expect(screen.getByText('That item is no longer in your workspace.')).toBeTruthy());
    expect(screen.getByText('Submission s1', { selector: 'strong' })).toBeTruthy();
  });
});
