// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { RubricPane as RubricPaneComponent } from '../../../renderer/src/rubric/RubricPane';
import { rubric, submission } from './fixtures';
import type { renderView as renderInProviders } from './harness';

// Each level cell's hint counts its renders: a card that renders again renders its four hints again.
const hintRenders = new Map<string, number>();
let RubricPane: typeof RubricPaneComponent;
let renderView: typeof renderInProviders;

// Unit files share one module cache (isolate: false), where the real Hint is already loaded: the pane
// and the harness are loaded anew here, with the counting Hint in its place.
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../../../renderer/src/ui/Hint', () => ({
    Hint: ({ text, children }: { text: string; children: React.ReactElement }) => {
      hintRenders.set(text, (hintRenders.get(text) ?? 0) + 1);
      return children;
    },
  }));
  ({ RubricPane } = await import('../../../renderer/src/rubric/RubricPane'));
  const harness = await import('./harness');
  renderView = harness.renderView;
  await harness.startI18n();
});
afterAll(() => {
  vi.doUnmock('../../../renderer/src/ui/Hint');
  vi.resetModules();
});

/** The pane as the workspace renders it: new handler functions on every render. */
function pane(detail: SubmissionDetail, handlers: { onScore: (criterionId: string, level: number) => void; onRationale: (criterionId: string, text: string) => void }): React.JSX.Element {
  return (
    <RubricPane
      submission={detail}
      activeIndex={0}
      focusRequest={0}
      readOnly={false}
      onActivate={() => undefined}
      onScore={(criterionId, level) => handlers.onScore(criterionId, level)}
      onRationale={(criterionId, text) => handlers.onRationale(criterionId, text)}
      onJumpTo={() => undefined}
      onCite={() => undefined}
    />
  );
}

const withRationale = (detail: SubmissionDetail, criterionId: string, rationale: string): SubmissionDetail => ({
  ...detail,
  draft: { ...detail.draft, scores: detail.draft.scores.map((score) => (score.criterionId === criterionId ? { ...score, rationale } : score)) },
});

/** The fixture's rubric with each criterion's descriptors its own ("Objective, level 1"), so hints tell criteria apart. */
const ownDescriptors = {
  ...rubric,
  components: rubric.components.map((component) => ({
    ...component,
    criteria: component.criteria.map((criterion) => ({ ...criterion, levels: criterion.levels.map((level) => ({ ...level, descriptor: `${criterion.title}, level ${level.level}` })) })),
  })),
};

describe('RubricPane', () => {
  it('renders again only the criterion whose rationale changed, and its handlers reach the latest ones', () => {
    const first = { onScore: vi.fn(), onRationale: vi.fn() };
    const detail = submission({ a: 2, b: 3 }, { rubric: ownDescriptors });
    const view = renderView(pane(detail, first));
    const rendersOf = (criterionTitle: string): number => [...hintRenders].filter(([text]) => text.includes(`${criterionTitle}, level`)).reduce((sum, [, count]) => sum + count, 0);
    const before = { a: rendersOf('Objective'), b: rendersOf('Questioning') };
    expect(before).toEqual({ a: 4, b: 4 });

    const second = { onScore: vi.fn(), onRationale: vi.fn() };
    view.rerender(pane(withRationale(detail, 'a', 'Names the objective at the start.'), second));
    expect(rendersOf('Objective')).toBe(before.a + 4); // its four level cells, once more
    expect(rendersOf('Questioning')).toBe(before.b); // untouched

    // The handlers given last are the ones called, told which criterion.
    fireEvent.click(screen.getAllByRole('radio', { name: /Exemplary/ })[1]!);
    expect(second.onScore).toHaveBeenCalledWith('b', 4);
    fireEvent.change(screen.getByDisplayValue('Names the objective at the start.'), { target: { value: 'Names the objective first.' } });
    expect(second.onRationale).toHaveBeenCalledWith('a', 'Names the objective first.');
    expect(first.onScore).not.toHaveBeenCalled();
    expect(first.onRationale).not.toHaveBeenCalled();
  });
});
