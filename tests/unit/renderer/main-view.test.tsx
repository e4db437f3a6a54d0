// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MainView } from '../../../renderer/src/app/MainView';
import { batch, queueItem } from './fixtures';
import { renderView, startI18n } from './harness';

beforeAll(startI18n);

const nothingOpen = {
  'workspace.summary': { isDemo: false, batches: [batch('b1')] },
  'queue.list': { items: [queueItem('s1'), queueItem('s2')] },
  'preferences.get': { openSubmissionId: null },
};

describe('MainView with nothing open', () => {
  it('says how to open a submission (the queue, or the key for the first undecided one), and gives the queue the focus so that ↑ ↓ then Enter work at once', async () => {
    const focusQueue = vi.fn();
    renderView(<MainView onDecided={() => undefined} noBatches={false} focusQueue={focusQueue} />, nothingOpen);
    await screen.findByText('Choose a submission from the queue (↑ ↓ then Enter), or press N for the first undecided one.');
    await waitFor(() => expect(focusQueue).toHaveBeenCalledTimes(1));
  });

  it('leaves the focus where the assessor put it', async () => {
    const focusQueue = vi.fn();
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    const view = renderView(<MainView onDecided={() => undefined} noBatches={false} focusQueue={focusQueue} />, nothingOpen);
    await screen.findByText(/^Choose a submission from the queue/);
    await waitFor(() => expect(view.core.callsOf('queue.list')).toHaveLength(1));
    await waitFor(() => expect(view.queries.isFetching()).toBe(0)); // the queue is read and shown
    expect(focusQueue).not.toHaveBeenCalled();
    field.remove();
  });

  it('names the key the assessor chose for the first undecided submission', async () => {
    renderView(<MainView onDecided={() => undefined} noBatches={false} focusQueue={() => undefined} />, { ...nothingOpen, 'preferences.get': { openSubmissionId: null, keymap: { nextUndecided: ['Shift+N'] } } });
    await screen.findByText('Choose a submission from the queue (↑ ↓ then Enter), or press Shift+N for the first undecided one.');
  });
});
