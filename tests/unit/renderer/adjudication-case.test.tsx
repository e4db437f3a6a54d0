// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdjudicationQueue } from '../../../shared/contract/methods';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { AdjudicationCase } from '../../../renderer/src/lead/AdjudicationCase';
import type { Case } from '../../../renderer/src/lead/AdjudicationCase';
import { comment, rubric } from './fixtures';
import { refusal, renderView, startI18n } from './harness';
import type { Answers } from './harness';

beforeAll(startI18n);

const timed = comment({ id: 'k1', startMs: 61_000, body: 'No objective stated.' });
const item: Case = {
  submissionId: 's1',
  label: 'Submission 0001',
  credentialId: 'c1',
  rubricVersionId: 'r1',
  reasons: ['outcome_differs'],
  decisions: [
    {
      assessor: { id: 'a1', displayName: 'Ada' },
      outcome: 'award',
      scores: [
        { criterionId: 'a', level: 3, rationale: 'The objective is on the board.' },
        { criterionId: 'b', level: 3, rationale: '' },
      ],
      comments: [timed],
      overallFeedback: '',
      decidedAt: '2026-12-01T09:00:00.000Z',
    },
    {
      assessor: { id: 'a2', displayName: 'Bo' },
      outcome: 'not_yet',
      scores: [
        { criterionId: 'a', level: 2, rationale: 'Never said aloud.' },
        { criterionId: 'b', level: 3, rationale: '' },
      ],
      comments: [],
      overallFeedback: '',
      decidedAt: '2026-12-01T10:00:00.000Z',
    },
  ],
  createdAt: '2026-12-01T11:00:00.000Z',
  resolution: null,
  resolutionQueued: false,
  evidence: [],
};
const queued: AdjudicationQueue = { fetchedAt: null, adjudications: [{ ...item, resolutionQueued: true }], rubrics: [rubric] };

/** One later answer, given when the test says so. */
function later<T>() {
  let settle: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

function adjudication(answers: Answers = {}, shown: Case = item, props: { inQueue?: boolean } = {}) {
  const onSelectComment = vi.fn();
  const view = renderView(<AdjudicationCase item={shown} rubric={rubric} onSelectComment={onSelectComment} {...props} />, answers);
  return { ...view, onSelectComment, user: userEvent.setup() };
}

const outcome = (): HTMLSelectElement => screen.getByRole('combobox', { name: 'Outcome' });
const levelFor = (criterion: string): HTMLSelectElement => screen.getByRole('combobox', { name: `Your level for ${criterion}` });
const note = (): HTMLTextAreaElement => screen.getByLabelText('Note (why)');

async function choose(user: ReturnType<typeof userEvent.setup>, chosen: { outcome: string; a: string; b: string; note: string }): Promise<void> {
  await user.selectOptions(outcome(), chosen.outcome);
  await user.selectOptions(levelFor('Objective'), chosen.a);
  await user.selectOptions(levelFor('Questioning'), chosen.b);
  await user.type(note(), chosen.note);
}

describe('AdjudicationCase', () => {
  it('shows both readings side by side, and a resolution that starts empty: nothing carried over from either', () => {
    adjudication();
    expect(screen.getByRole('heading', { name: 'Submission 0001' })).toBeTruthy();
    const grid = screen.getByRole('table');
    expect(within(grid).getByRole('columnheader', { name: /^Ada/ })).toBeTruthy();
    expect(within(grid).getByRole('columnheader', { name: /^Bo/ })).toBeTruthy();
    expect([...grid.querySelectorAll('td > strong')].map((level) => level.textContent)).toEqual(['3 · Proficient', '2 · Developing', '3 · Proficient', '3 · Proficient']);
    expect(within(grid).getByText('Never said aloud.')).toBeTruthy();
    expect(within(grid).getAllByRole('rowheader').map((heading) => heading.textContent)).toEqual(['Outcome · differs', 'Objective · differs', 'Questioning']);
    expect(outcome().value).toBe('');
    expect(levelFor('Objective').value).toBe('');
    expect(levelFor('Questioning').value).toBe('');
    expect(note().value).toBe('');
  });

  it('takes the rows both readings give alike in one step, keeping the lead’s own choices; the rows that differ stay empty', async () => {
    const { core, user } = adjudication();
    await user.selectOptions(outcome(), 'award');
    await user.click(screen.getByRole('button', { name: 'Take the row both gave alike' }));
    expect([outcome().value, levelFor('Objective').value, levelFor('Questioning').value]).toEqual(['award', '', '3']);
    expect(screen.getByText('The rows both readings agree on are filled in; choose the rest.')).toBeTruthy();
    // A level the lead chose stays theirs.
    await user.selectOptions(levelFor('Questioning'), '4');
    await user.click(screen.getByRole('button', { name: 'Take the row both gave alike' }));
    expect(levelFor('Questioning').value).toBe('4');
    expect(core.callsOf('lead.resolveAdjudication')).toEqual([]);
  });

  it('takes an outcome both gave too', async () => {
    const { user } = adjudication({}, { ...item, decisions: item.decisions.map((reading) => ({ ...reading, outcome: 'award' })) });
    await user.click(screen.getByRole('button', { name: 'Take the 2 rows both gave alike' }));
    expect([outcome().value, levelFor('Objective').value, levelFor('Questioning').value]).toEqual(['award', '', '3']);
  });

  it('offers no row to take when the readings agree on none', () => {
    const second = item.decisions[1]!;
    adjudication({}, { ...item, decisions: [item.decisions[0]!, { ...second, scores: [{ criterionId: 'a', level: 2, rationale: '' }, { criterionId: 'b', level: 1, rationale: '' }] }] });
    expect(screen.queryByRole('button', { name: /both gave alike/ })).toBeNull();
  });

  it('will not resolve without an outcome, a level for every criterion and a note, and says what is missing', async () => {
    const { core, user } = adjudication({ 'lead.resolveAdjudication': queued });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    expect(screen.getByText('Before resolving, choose: Outcome, Objective, Questioning, Note (why).')).toBeTruthy();
    await user.selectOptions(outcome(), 'not_yet');
    await user.selectOptions(levelFor('Objective'), '2');
    await user.type(note(), '   ');
    await user.paste('\u200b\u2060'); // nothing that shows: no note
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    expect(screen.getByText('Before resolving, choose: Questioning, Note (why).')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsOf('lead.resolveAdjudication')).toEqual([]);
  });

  it('will not resolve with an outcome its own levels contradict under the pass rule, and says which the rule gives', async () => {
    const { core, user } = adjudication({ 'lead.resolveAdjudication': queued });
    await choose(user, { outcome: 'award', a: '1', b: '1', note: 'Both readings were generous.' });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    expect(screen.getByText('Under the rubric’s pass rule the levels you chose give “Not yet”: change the outcome or the levels.')).toBeTruthy();
    expect([screen.queryByRole('dialog'), core.callsOf('lead.resolveAdjudication')]).toEqual([null, []]);
  });

  it('reads the resolution back before it goes, then sends exactly what the lead chose and keeps core’s queue', async () => {
    const { core, queries, user } = adjudication({ 'lead.resolveAdjudication': queued });
    await choose(user, { outcome: 'not_yet', a: '2', b: '3', note: '  The objective is never stated to the class.  ' });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve Submission 0001 as Not yet?' });
    expect([...dialog.querySelectorAll('dt, dd')].map((cell) => cell.textContent)).toEqual(['Objective', '2 · Developing', 'Questioning', '3 · Proficient']);
    expect(core.callsOf('lead.resolveAdjudication')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('Resolution saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Submission 0001' }))); // not dropped to the page
    const why = 'The objective is never stated to the class.';
    expect(core.callsOf('lead.resolveAdjudication')).toEqual([
      {
        submissionId: 's1',
        resolution: {
          outcome: 'not_yet',
          note: why,
          scores: [
            { criterionId: 'a', level: 2, rationale: '' },
            { criterionId: 'b', level: 3, rationale: '' },
          ],
        },
      },
    ]);
    expect(queries.getQueryData(queryKeyOf('lead.adjudications', {}))).toEqual(queued);
  });

  it('goes back from the read-back without sending, keeping what was chosen', async () => {
    const { core, user } = adjudication({ 'lead.resolveAdjudication': queued });
    await choose(user, { outcome: 'award', a: '3', b: '4', note: 'Stated in the plan.' });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsOf('lead.resolveAdjudication')).toEqual([]);
    expect([outcome().value, levelFor('Objective').value, levelFor('Questioning').value, note().value]).toEqual(['award', '3', '4', 'Stated in the plan.']);
  });

  it('sends the resolution once, however often the lead presses while it is on its way', async () => {
    const answer = later<AdjudicationQueue>();
    const { core, user } = adjudication({ 'lead.resolveAdjudication': () => answer.promise });
    await choose(user, { outcome: 'award', a: '3', b: '4', note: 'Stated in the plan.' });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Resolve' });
    await user.click(confirm);
    expect(confirm).toHaveProperty('disabled', true);
    await user.click(confirm);
    answer.settle(queued);
    expect(await screen.findByText('Resolution saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(core.callsOf('lead.resolveAdjudication')).toHaveLength(1);
  });

  it('says why core refused the resolution, and keeps every choice to try again', async () => {
    const { core, user } = adjudication({ 'lead.resolveAdjudication': refusal('conflict') });
    await choose(user, { outcome: 'award', a: '3', b: '4', note: 'Stated in the plan.' });
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('That was already done, or changed meanwhile (in another window or on the server): what you see is read again.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect([outcome().value, levelFor('Objective').value, levelFor('Questioning').value, note().value]).toEqual(['award', '3', '4', 'Stated in the plan.']);
    core.answer('lead.resolveAdjudication', queued);
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('Resolution saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(core.callsOf('lead.resolveAdjudication')).toHaveLength(2);
  });

  it('offers no resolution for a case already resolved, and says how it was resolved', () => {
    adjudication({}, { ...item, resolution: { outcome: 'award', note: 'Stated.', scores: [], resolvedBy: 'l1', resolvedAt: '2026-12-02T09:00:00.000Z' } });
    expect(screen.getByText(/^Resolved as Award on /).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve…' })).toBeNull();
  });

  it('cannot be resolved again while its resolution waits to sync', () => {
    adjudication({}, { ...item, resolutionQueued: true });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Resolve…' }).matches(':disabled')).toBe(true);
    expect(note().matches(':disabled')).toBe(true);
  });

  it('seeks the evidence beside when the lead picks a reading’s timed comment', async () => {
    const { onSelectComment, user } = adjudication();
    const ada = screen.getByRole('region', { name: 'Ada' });
    expect(within(ada).getByRole('listitem').textContent).toBe('1:01 · No objective stated.');
    await user.click(within(ada).getByRole('button', { name: '1:01' }));
    expect(onSelectComment).toHaveBeenCalledWith(timed);
    expect(within(screen.getByRole('region', { name: 'Bo' })).getByText('No timestamped comments.')).toBeTruthy();
  });

  it('from the queue, opens the submission beside its evidence, or says why core could not', async () => {
    const { core, navigation, user } = adjudication({ 'lead.openAdjudication': { batchId: 'review-1' } }, item, { inQueue: true });
    navigation.show('adjudication');
    await user.click(screen.getByRole('button', { name: 'Open beside the evidence' }));
    await waitFor(() => expect(navigation.get()).toEqual({ view: 'scoring', batchId: 'review-1', reviewCase: 'adjudication' }));
    expect(core.callsOf('lead.openAdjudication')).toEqual([{ submissionId: 's1' }]);
    core.answer('lead.openAdjudication', refusal('unavailable'));
    navigation.show('adjudication');
    await user.click(screen.getByRole('button', { name: 'Open beside the evidence' }));
    expect(await screen.findByText('Not reachable right now (the server, or the workstation core): nothing is lost; try again shortly.')).toBeTruthy();
    expect(navigation.get().view).toBe('adjudication');
  });
});
