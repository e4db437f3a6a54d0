// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useUndoDecision } from '../../../renderer/src/decision/use-undo';
import { useUndoShortcut } from '../../../renderer/src/decision/use-undo-shortcut';
import { ShortcutSheet } from '../../../renderer/src/keyboard/ShortcutSheet';
import { usePreferences } from '../../../renderer/src/workspace/use-preferences';
import type { Words } from '../../../renderer/src/words';
import { refusal, renderInApp, renderView, setup, startI18n } from './harness';

beforeAll(startI18n);

/** The app's part: the last decision of this window, the Undo key, and what it says. */
function Decided({ last, undo }: { last: string | null; undo: (submissionId: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [told, tell] = useState<Words | null>(null);
  useUndoShortcut(last, undo, (words) => tell(() => words));
  return <p role="status">{told ? told(t) : ''}</p>;
}

/** The keys work once the keymap (the assessor's preference) has been read. */
async function keysReady(view: ReturnType<typeof renderView>): Promise<void> {
  await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
}

describe('the Undo key', () => {
  it('takes back the last decision made in this window with Alt+Shift+U', async () => {
    const undo = vi.fn();
    const view = renderView(<Decided last="s1" undo={undo} />);
    await keysReady(view);
    await userEvent.setup().keyboard('{Alt>}{Shift>}U{/Shift}{/Alt}');
    expect(undo).toHaveBeenCalledWith('s1');
  });

  it('says there is nothing to undo when no decision was made here, and undoes nothing', async () => {
    const undo = vi.fn();
    const view = renderView(<Decided last={null} undo={undo} />);
    await keysReady(view);
    await userEvent.setup().keyboard('{Alt>}{Shift>}U{/Shift}{/Alt}');
    expect(await screen.findByText('No decision made in this window is waiting to be undone.')).toBeTruthy();
    expect(undo).not.toHaveBeenCalled();
  });

  it('follows the assessor’s keymap', async () => {
    const undo = vi.fn();
    const view = renderView(<Decided last="s1" undo={undo} />, { 'preferences.get': { keymap: { undoDecision: ['Alt+Shift+Z'] } } });
    await keysReady(view);
    const user = userEvent.setup();
    await user.keyboard('{Alt>}{Shift>}U{/Shift}{/Alt}');
    expect(undo).not.toHaveBeenCalled();
    await user.keyboard('{Alt>}{Shift>}Z{/Shift}{/Alt}');
    expect(undo).toHaveBeenCalledWith('s1');
  });

  it('is in the shortcut sheet, beside F8 for the notice that holds Undo', async () => {
    function Sheet(): React.JSX.Element {
      const preferences = usePreferences();
      return <ShortcutSheet open keymap={preferences.keymap} onOpenChange={() => undefined} onKeymap={() => undefined} />;
    }
    const view = renderView(<Sheet />);
    await keysReady(view);
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = (name: string): HTMLElement => within(sheet).getByRole('rowheader', { name }).closest('tr')!;
    expect(row('Undo the last decision').textContent).toContain('Alt');
    expect(row('Undo the last decision').querySelector('kbd')?.textContent).toMatch(/U$/);
    expect(row('Go to the notice (its Undo and Close)').textContent).toContain('F8');
  });
});

describe('an undo core refuses', () => {
  it('says the decision can no longer be undone, not that something conflicts', async () => {
    const context = setup({ 'decision.undo': refusal('conflict', 'This decision has already left for sync and can no longer be undone.') });
    const { result } = renderInApp(() => useUndoDecision(), context);
    const said = await result.current('s1');
    expect(said?.(i18next.t)).toBe('This decision can no longer be undone: it has left for sync (or it was undone already).');
  });
});
