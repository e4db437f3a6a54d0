// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useScoringShortcuts } from '../../../renderer/src/workspace/use-scoring-shortcuts';
import type { ScoringActions } from '../../../renderer/src/workspace/use-scoring-shortcuts';
import { renderView, startI18n } from './harness';

function spyActions(): { [K in keyof ScoringActions]: ReturnType<typeof vi.fn<ScoringActions[K]>> } {
  return {
    commentAtTime: vi.fn(() => true),
    markIn: vi.fn(() => true),
    markOut: vi.fn(() => true),
    decide: vi.fn(() => true),
    flagForLead: vi.fn(() => true),
    stepEvidence: vi.fn(() => true),
    showTranscript: vi.fn(() => true),
    stepCriterion: vi.fn(() => true),
    scoreLevel: vi.fn(() => true),
    writeOverallFeedback: vi.fn(() => true),
  };
}

function Workspace({ actions }: { actions: ScoringActions }): React.JSX.Element {
  useScoringShortcuts(actions);
  return (
    <>
      <label>
        Rationale <input type="text" />
      </label>
      <button type="button">Elsewhere</button>
    </>
  );
}

/** The keymap is the assessor's preference: the keys work once it has been read. */
async function open(actions: ScoringActions): Promise<ReturnType<typeof renderView>> {
  const view = renderView(<Workspace actions={actions} />);
  await waitFor(() => expect(view.core.callsOf('preferences.get')).toHaveLength(1));
  await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
  return view;
}

beforeAll(startI18n);

describe('the scoring keys', () => {
  it('run the workspace’s actions from the default keymap', async () => {
    const actions = spyActions();
    await open(actions);
    const user = userEvent.setup();
    await user.keyboard('c');
    await user.keyboard('i');
    await user.keyboard('o');
    await user.keyboard(']');
    await user.keyboard('[[');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('t');
    await user.keyboard('3');
    await user.keyboard('{Alt>}{Shift>}A{/Shift}{/Alt}');
    await user.keyboard('{Alt>}{Shift>}N{/Shift}{/Alt}');
    expect(actions.commentAtTime).toHaveBeenCalledTimes(1);
    expect(actions.markIn).toHaveBeenCalledTimes(1);
    expect(actions.markOut).toHaveBeenCalledTimes(1);
    expect(actions.stepEvidence.mock.calls).toEqual([[1], [-1]]);
    expect(actions.stepCriterion.mock.calls).toEqual([[1]]);
    expect(actions.showTranscript).toHaveBeenCalledTimes(1);
    expect(actions.scoreLevel.mock.calls).toEqual([[3]]);
    expect(actions.decide.mock.calls).toEqual([['award'], ['not_yet']]);
  });

  it('do nothing while the assessor types in a field (a level digit or a letter is text there)', async () => {
    const actions = spyActions();
    await open(actions);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Rationale'));
    await user.keyboard('c3]t');
    expect(screen.getByLabelText<HTMLInputElement>('Rationale').value).toBe('c3]t');
    for (const action of Object.values(actions)) expect(action).not.toHaveBeenCalled();
  });

  it('leave a key to the page when the action cannot act now', async () => {
    const actions = spyActions();
    actions.commentAtTime.mockReturnValue(false);
    await open(actions);
    const pressed = new KeyboardEvent('keydown', { key: 'c', bubbles: true, cancelable: true });
    screen.getByRole('button', { name: 'Elsewhere' }).dispatchEvent(pressed);
    expect(actions.commentAtTime).toHaveBeenCalledTimes(1);
    expect(pressed.defaultPrevented).toBe(false);
    const level = new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true });
    screen.getByRole('button', { name: 'Elsewhere' }).dispatchEvent(level);
    expect(level.defaultPrevented).toBe(true);
  });

  it('act once for a decision key held down (its repeats are dropped), while a held seek or criterion key goes on', async () => {
    const actions = spyActions();
    await open(actions);
    const user = userEvent.setup();
    // A held key: one keydown, then the system's repeats.
    await user.keyboard('{Alt>}{Shift>}{A>6/}{/Shift}{/Alt}');
    await user.keyboard('{Alt>}{Shift>}{F>4/}{/Shift}{/Alt}');
    await user.keyboard('{c>3/}');
    await user.keyboard('{ArrowDown>3/}');
    expect([actions.decide.mock.calls, actions.flagForLead.mock.calls.length, actions.commentAtTime.mock.calls.length, actions.stepCriterion.mock.calls]).toEqual([[['award']], 1, 1, [[1], [1], [1]]]);
  });

  it('leave a picker’s, a tab strip’s, a toggle group’s and a slider’s own keys to them while they have focus', async () => {
    const actions = spyActions();
    const view = renderView(
      <>
        <Workspace actions={actions} />
        <button type="button" role="combobox" aria-expanded="false">Language</button>
        <div role="tablist"><button type="button" role="tab">Comments</button></div>
        <div role="radiogroup"><button type="button" role="radio" aria-checked="true">All</button></div>
        <div role="slider" tabIndex={0} aria-label="Volume" aria-valuenow={1} />
      </>,
    );
    await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
    const user = userEvent.setup();
    screen.getByRole('combobox').focus();
    await user.keyboard('{ArrowDown}{ArrowUp}');
    screen.getByRole('tab').focus();
    await user.keyboard('{ArrowLeft}{ArrowRight}');
    screen.getByRole('radio').focus();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    screen.getByRole('slider').focus();
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(actions.stepCriterion).not.toHaveBeenCalled();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(actions.stepCriterion.mock.calls).toEqual([[1]]);
  });
});
