// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Preferences } from '../../../shared/contract/methods';
import { ClientContext } from '../../../renderer/src/client-context';
import { createQueryClient } from '../../../renderer/src/data/query-client';
import { ShortcutSheet } from '../../../renderer/src/keyboard/ShortcutSheet';
import { ShortcutProvider } from '../../../renderer/src/keyboard/shortcut-registry';
import { usePreferences } from '../../../renderer/src/workspace/use-preferences';
import { useScoringShortcuts } from '../../../renderer/src/workspace/use-scoring-shortcuts';
import type { ScoringActions } from '../../../renderer/src/workspace/use-scoring-shortcuts';
import { fakeCore, startI18n } from './harness';
import type { FakeCore } from './harness';

// The sheet as the app wires it: the keymap is the assessor's preference, kept by core; the scoring
// keys follow it at once and after the workstation is opened again.

function actionSpies(): ScoringActions & { commentAtTime: ReturnType<typeof vi.fn> } {
  const handled = (): boolean => true;
  return { commentAtTime: vi.fn(handled), markIn: handled, markOut: handled, decide: handled, flagForLead: handled, stepEvidence: handled, showTranscript: handled, stepCriterion: handled, scoreLevel: handled, writeOverallFeedback: handled };
}

function SheetOverWorkspace({ actions }: { actions: ScoringActions }): React.JSX.Element {
  const preferences = usePreferences();
  const [open, setOpen] = useState(false);
  useScoringShortcuts(actions);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Shortcuts
      </button>
      <ShortcutSheet open={open} keymap={preferences.keymap} onOpenChange={setOpen} onKeymap={(keymap) => preferences.update({ keymap })} />
    </>
  );
}

/** A core that keeps preferences as core does: a patch merged into what is kept. */
function coreKeepingPreferences(): FakeCore & { kept: () => Preferences } {
  let kept: Preferences = {};
  const core = fakeCore({
    'preferences.get': () => kept,
    'preferences.set': ({ patch }) => (kept = { ...kept, ...patch }),
  });
  return { ...core, kept: () => kept };
}

/** The workstation opened (again) on this core: a new cache, as after a restart. */
async function openWorkstation(core: FakeCore, actions: ScoringActions): Promise<void> {
  render(
    <ClientContext.Provider value={core.client}>
      <QueryClientProvider client={createQueryClient()}>
        <ShortcutProvider>
          <SheetOverWorkspace actions={actions} />
        </ShortcutProvider>
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  await waitFor(() => expect(core.callsOf('preferences.get').length).toBeGreaterThan(0));
}

beforeAll(startI18n);

describe('the shortcut sheet', () => {
  it('gives an action another key, which the scoring keys follow at once and after the workstation is opened again', async () => {
    const core = coreKeepingPreferences();
    const actions = actionSpies();
    const user = userEvent.setup();
    await openWorkstation(core, actions);
    await user.click(screen.getByRole('button', { name: 'Shortcuts' }));
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(screen.getByRole('button', { name: 'Change the key for Comment at the current time' }));
    await user.keyboard('{Alt>}m{/Alt}');
    // Said beside the row it was changed in (the sheet scrolls), not at its top.
    const row = screen.getByRole('row', { name: /^Comment at the current time/ });
    expect(row.textContent).toContain('Comment at the current time is now Alt+M.');
    expect(sheet.textContent).toContain('Comment at the current time is now Alt+M.');
    await waitFor(() => expect(core.kept().keymap?.commentAtTime).toEqual(['Alt+M'])); // kept by core
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('c'); // the old key does nothing now
    expect(actions.commentAtTime).not.toHaveBeenCalled();
    await user.keyboard('{Alt>}m{/Alt}');
    expect(actions.commentAtTime).toHaveBeenCalledTimes(1);

    cleanup(); // opened again: the key comes back from what core kept
    const again = actionSpies();
    await openWorkstation(core, again);
    await user.click(screen.getByRole('button', { name: 'Shortcuts' }));
    expect((await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).textContent).toContain('Alt+M');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('{Alt>}m{/Alt}');
    expect(again.commentAtTime).toHaveBeenCalledTimes(1);
  });
});
