// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackreadQueue } from '../../../shared/contract/methods';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { BackreadCase } from '../../../renderer/src/lead/BackreadCase';
import { rubric } from './fixtures';
import { refusal, renderView, startI18n } from './harness';
import type { Answers } from './harness';

beforeAll(startI18n);

type Item = BackreadQueue['backreads'][number];
const item: Item = {
  submissionId: 's2',
  label: 'Submission 0002',
  credentialId: 'c1',
  rubricVersionId: 'r1',
  reason: 'sampled',
  decision: {
    assessor: { id: 'a1', displayName: 'Ada' },
    outcome: 'award',
    scores: [
      { criterionId: 'a', level: 3, rationale: 'The objective is on the board.' },
      { criterionId: 'b', level: 4, rationale: 'Open questions throughout.' },
    ],
    comments: [],
    overallFeedback: 'A clear lesson.',
    decidedAt: '2026-12-01T09:00:00.000Z',
  },
  sampledAt: '2026-12-01T10:00:00.000Z',
  review: null,
  reviewQueued: false,
  evidence: [],
};
const queued: BackreadQueue = { fetchedAt: null, backreads: [{ ...item, reviewQueued: true }], rubrics: [rubric] };

function backread(answers: Answers = {}, shown: Item = item, props: { inQueue?: boolean } = {}) {
  return { ...renderView(<BackreadCase item={shown} rubric={rubric} {...props} />, answers), user: userEvent.setup() };
}

const verdictOn = (criterion: string): HTMLElement => screen.getByRole('group', { name: `Your verdict on ${criterion}` });
const radio = (criterion: string, verdict: 'Agree' | 'Override'): HTMLInputElement => within(verdictOn(criterion)).getByRole('radio', { name: verdict });
const send = (): HTMLElement => screen.getByRole('button', { name: 'Send the review' });

describe('BackreadCase', () => {
  it('shows the assessor’s decision, levels and rationales, with no verdict given yet', () => {
    backread();
    expect(screen.getByRole('heading', { name: 'Submission 0002 · Ada · Award' })).toBeTruthy();
    expect(screen.getByText(/^sampled · decided /)).toBeTruthy();
    const grid = screen.getByRole('table');
    expect([...grid.querySelectorAll('td > strong')].map((level) => level.textContent)).toEqual(['3 · Proficient', '4 · Exemplary']);
    expect(within(grid).getByText('Open questions throughout.')).toBeTruthy();
    expect(screen.getByText('A clear lesson.')).toBeTruthy();
    for (const criterion of ['Objective', 'Questioning']) {
      expect(radio(criterion, 'Agree').checked).toBe(false);
      expect(radio(criterion, 'Override').checked).toBe(false);
    }
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('will not send until every criterion has a verdict and every override a level and a note, and names the criteria that lack them', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': queued });
    const missing = (criteria: string): string => `Give a verdict for every criterion, and a level and a note for each override: ${criteria}.`;
    await user.click(send());
    expect(screen.getByText(missing('Objective, Questioning'))).toBeTruthy();
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Override'));
    await user.click(send());
    expect(screen.getByText(missing('Questioning'))).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your level for Questioning' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Why, for Questioning' }), '   ');
    await user.click(send());
    expect(screen.getByText(missing('Questioning'))).toBeTruthy();
    expect(core.callsOf('lead.reviewBackread')).toEqual([]);
  });

  it('refuses an override at the assessor’s own level (an agreement, not an override), naming the criterion', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': queued });
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Override'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your level for Questioning' }), '4'); // Ada gave 4
    await user.type(screen.getByRole('textbox', { name: 'Why, for Questioning' }), 'Open questions.');
    await user.click(send());
    expect(screen.getByText('An override gives another level than the assessor’s: agree instead, or choose another level, for Questioning.')).toBeTruthy();
    expect(core.callsOf('lead.reviewBackread')).toEqual([]);
  });

  it('sends exactly the verdicts given: an agreement without a level, an override with the lead’s level and note, and keeps core’s queue', async () => {
    const { core, queries, user } = backread({ 'lead.reviewBackread': queued });
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Override'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your level for Questioning' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Why, for Questioning' }), '  Only closed questions at 4:10.  ');
    await user.type(screen.getByLabelText('Note for the assessor'), ' Good pacing. ');
    await user.click(send());
    expect(await screen.findByText('Review saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(core.callsOf('lead.reviewBackread')).toEqual([
      {
        submissionId: 's2',
        review: {
          criteria: [
            { criterionId: 'a', verdict: 'agree', level: null, note: '' },
            { criterionId: 'b', verdict: 'override', level: 2, note: 'Only closed questions at 4:10.' },
          ],
          note: 'Good pacing.',
        },
      },
    ]);
    expect(queries.getQueryData(queryKeyOf('lead.backreads', {}))).toEqual(queued);
  });

  it('agrees with every criterion in one step, keeping an override already chosen; the lead then overrides a few', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': queued });
    await user.click(radio('Questioning', 'Override'));
    await user.click(screen.getByRole('button', { name: 'Agree with every criterion' }));
    expect([radio('Objective', 'Agree').checked, radio('Questioning', 'Override').checked]).toEqual([true, true]);
    await user.click(radio('Questioning', 'Agree'));
    await user.click(send());
    await waitFor(() => expect(core.callsOf('lead.reviewBackread')).toHaveLength(1));
    expect(core.callsOf('lead.reviewBackread')[0]?.review.criteria.map(({ verdict }) => verdict)).toEqual(['agree', 'agree']);
  });

  it('asks for a level and a note only for an override, and drops the level when the lead agrees after all', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': queued });
    await user.click(radio('Objective', 'Override'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your level for Objective' }), '1');
    await user.click(radio('Objective', 'Agree'));
    expect(screen.queryByRole('combobox', { name: 'Your level for Objective' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Why, for Objective' })).toBeNull();
    await user.click(radio('Questioning', 'Agree'));
    await user.click(send());
    await waitFor(() => expect(core.callsOf('lead.reviewBackread')).toHaveLength(1));
    expect(core.callsOf('lead.reviewBackread')[0]?.review.criteria.map(({ verdict, level }) => ({ verdict, level }))).toEqual([
      { verdict: 'agree', level: null },
      { verdict: 'agree', level: null },
    ]);
  });

  it('sends no note with an agreement: a note typed for an override the lead then dropped is not sent', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': queued });
    await user.click(radio('Objective', 'Override'));
    await user.type(screen.getByRole('textbox', { name: 'Why, for Objective' }), 'Too generous.');
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Agree'));
    await user.click(send());
    await waitFor(() => expect(core.callsOf('lead.reviewBackread')).toHaveLength(1));
    expect(core.callsOf('lead.reviewBackread')[0]?.review.criteria.map(({ note }) => note)).toEqual(['', '']);
  });

  it('sends one review however often Send is pressed while it is on its way', async () => {
    let answer: (value: BackreadQueue) => void = () => undefined;
    const { core, user } = backread({ 'lead.reviewBackread': () => new Promise<BackreadQueue>((resolve) => (answer = resolve)) });
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Agree'));
    await user.click(send());
    await user.click(send());
    await waitFor(() => expect(send().matches(':disabled')).toBe(true)); // its fieldset is, while the review is on its way
    answer(queued);
    expect(await screen.findByText('Review saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(core.callsOf('lead.reviewBackread')).toHaveLength(1);
  });

  it('says why core refused the review, and keeps every verdict and note to send again', async () => {
    const { core, user } = backread({ 'lead.reviewBackread': refusal('invalid_input') });
    await user.click(radio('Objective', 'Agree'));
    await user.click(radio('Questioning', 'Override'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your level for Questioning' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Why, for Questioning' }), 'Only closed questions.');
    await user.type(screen.getByLabelText('Note for the assessor'), 'Good pacing.');
    await user.click(send());
    expect(await screen.findByText('The workstation refused that request as malformed.')).toBeTruthy();
    expect(radio('Objective', 'Agree').checked).toBe(true);
    expect(radio('Questioning', 'Override').checked).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Your level for Questioning' }).value).toBe('2');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Why, for Questioning' }).value).toBe('Only closed questions.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Note for the assessor').value).toBe('Good pacing.');
    core.answer('lead.reviewBackread', queued);
    await user.click(send());
    expect(await screen.findByText('Review saved; it goes to the server with the next sync.')).toBeTruthy();
    expect(core.callsOf('lead.reviewBackread')).toHaveLength(2);
  });

  it('shows a review already given, verdict by verdict, and offers nothing to send', () => {
    const review = {
      criteria: [
        { criterionId: 'a', verdict: 'agree' as const, level: null, note: '' },
        { criterionId: 'b', verdict: 'override' as const, level: 2, note: 'Only closed questions.' },
      ],
      note: 'Good pacing.',
      reviewedBy: 'l1',
      reviewedAt: '2026-12-02T09:00:00.000Z',
    };
    backread({}, { ...item, review });
    expect(screen.getByText('Agree')).toBeTruthy();
    expect(screen.getByText('Overridden to 2 · Developing · Only closed questions.')).toBeTruthy();
    expect(screen.getByText(/^Backread .* · Good pacing\.$/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send the review' })).toBeNull();
  });

  it('cannot be reviewed again while its review waits to sync, and says it waits (shown anew, as after a read again)', () => {
    backread({}, { ...item, reviewQueued: true });
    expect(radio('Objective', 'Agree').matches(':disabled')).toBe(true);
    expect(send().matches(':disabled')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Review saved; it goes to the server with the next sync.');
  });

  it('from the queue, opens the submission beside its evidence, or says why core could not', async () => {
    const { core, navigation, user } = backread({ 'lead.openBackread': { batchId: 'review-2' } }, item, { inQueue: true });
    navigation.show('backreading');
    await user.click(screen.getByRole('button', { name: 'Open beside the evidence' }));
    await waitFor(() => expect(navigation.get()).toEqual({ view: 'scoring', batchId: 'review-2', reviewCase: 'backread' }));
    expect(core.callsOf('lead.openBackread')).toEqual([{ submissionId: 's2' }]);
    core.answer('lead.openBackread', refusal('not_found'));
    navigation.show('backreading');
    await user.click(screen.getByRole('button', { name: 'Open beside the evidence' }));
    expect(await screen.findByText('That item is no longer in your workspace.')).toBeTruthy();
    expect(navigation.get().view).toBe('backreading');
  });
});
