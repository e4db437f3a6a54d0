// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { ShortcutAction } from '../../../shared/keyboard/keymap';
import { CommentEditor } from '../../../renderer/src/comments/CommentEditor';
import { FeedbackComposer } from '../../../renderer/src/feedback/FeedbackComposer';
import { useShortcutHandlers } from '../../../renderer/src/keyboard/shortcut-registry';
import { rubric, submission } from './fixtures';
import { renderView, startI18n } from './harness';

// The editor of a comment on a video, with the player's keys and the rubric's listening as they do in
// the workspace: every control of the editor works from the keyboard without moving the video.

const comment: EvidenceComment = {
  id: 'c1',
  evidenceId: 'e1',
  startMs: 12_000,
  endMs: null,
  page: null,
  quote: null,
  region: null,
  body: 'Asks open questions.',
  tag: 'strength',
  visibility: 'candidate',
  criterionIds: [],
};

function EditorBesidePlayer({ onKey, onDone }: { onKey: (action: ShortcutAction) => boolean; onDone: () => void }): React.JSX.Element {
  const [edited, setEdited] = useState(comment);
  useShortcutHandlers({ onAction: onKey, onScoreLevel: () => true });
  return <CommentEditor comment={edited} evidenceTitle="Classroom video" criteria={rubric.components.flatMap((component) => component.criteria)} onChange={setEdited} onDone={onDone} onDelete={() => undefined} />;
}

beforeAll(startI18n);

describe('the comment editor from the keyboard', () => {
  it('moves between chips with the arrows and presses them with Space, never seeking, playing or stepping the rubric', async () => {
    const onKey = vi.fn((action: ShortcutAction) => ['back5', 'forward5', 'playPause', 'nextCriterion', 'previousCriterion'].includes(action));
    const onDone = vi.fn();
    const view = renderView(<EditorBesidePlayer onKey={onKey} onDone={onDone} />);
    await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
    const user = userEvent.setup();
    const tags = screen.getByRole('radiogroup', { name: 'Tag' });
    const [strength, growth] = within(tags);
    strength!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(growth);
    await user.keyboard(' ');
    expect(growth?.getAttribute('data-state')).toBe('on');
    await user.keyboard('{ArrowLeft}{ArrowDown}{ArrowUp}{Home}{End}');
    const criteria = screen.getByRole('toolbar', { name: 'Linked criteria' });
    const [firstCriterion] = within(criteria);
    firstCriterion!.focus();
    await user.keyboard('{Enter}');
    expect(firstCriterion?.getAttribute('data-state')).toBe('on');
    expect(onKey).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onDone).toHaveBeenCalledTimes(1);
    // The text stops at what can be saved, rather than failing on save.
    expect(screen.getByRole('textbox', { name: 'Comment' }).getAttribute('maxlength')).toBe('10000');
  });

  it('leaves the player its keys once the focus is out of the editor', async () => {
    const onKey = vi.fn(() => true);
    const view = renderView(<EditorBesidePlayer onKey={onKey} onDone={() => undefined} />);
    await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.setup().keyboard('{ArrowLeft} ');
    expect(onKey.mock.calls).toEqual([['back5'], ['playPause']]);
  });

  it('opens the comment bank from the comment being written (Alt+B, or its button), and Insert puts the snippet into that comment', async () => {
    const edits = vi.fn<(next: EvidenceComment) => void>();
    function CommentBesideFeedback(): React.JSX.Element {
      const [edited, setEdited] = useState(comment);
      const change = (next: EvidenceComment): void => {
        setEdited(next);
        edits(next);
      };
      return (
        <>
          <CommentEditor comment={edited} evidenceTitle="Classroom video" criteria={[]} onChange={change} onDone={() => undefined} onDelete={() => undefined} />
          <FeedbackComposer submission={submission({ a: 3 })} readOnly={false} onFeedback={() => undefined} />
        </>
      );
    }
    const view = renderView(<CommentBesideFeedback />, { 'bank.search': { snippets: [] } });
    await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
    const user = userEvent.setup();
    // A feedback field used before the comment: the bank must not go there.
    await user.click(screen.getByRole('textbox', { name: 'Overall feedback' }));
    await user.click(screen.getByPlaceholderText('Comment'));
    await user.keyboard('{End} ');
    await user.keyboard('{Alt>}b{/Alt}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
    await user.keyboard('moment');
    const insert = (await screen.findAllByRole('button', { name: /^Insert “/ }))[0]!;
    insert.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(edits.mock.lastCall?.[0].body).toMatch(/^Asks open questions\. .+/));
    expect(screen.getByRole('button', { name: 'Comment bank (Alt+B)' })).toBeTruthy();
  });
});

function within(group: HTMLElement): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>('button')];
}
