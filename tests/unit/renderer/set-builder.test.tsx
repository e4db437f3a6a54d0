// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methods } from '../../../shared/contract/methods';
import type { MethodInput, MethodOutput } from '../../../shared/contract/methods';
import { describeIssues } from '../../../shared/contract/result';
import type { CalibrationCandidate } from '../../../shared/hosted-api/quality';
import { SetBuilder } from '../../../renderer/src/lead/SetBuilder';
import { refusal, renderView, startI18n } from './harness';
import type { Answers } from './harness';

beforeAll(startI18n);

const candidate = (id: string, overrides: Partial<CalibrationCandidate> = {}): CalibrationCandidate => ({
  id,
  label: `Submission ${id}`,
  credentialId: 'c1',
  credentialTitle: 'Checks for understanding',
  attempt: 1,
  submittedAt: '2026-11-20T09:00:00.000Z',
  status: 'unclaimed',
  evidence: [],
  excerpt: null,
  ...overrides,
});
const candidates = {
  submissions: [
    candidate('0001', { evidence: [{ kind: 'video', title: 'Lesson', durationMs: 754_000 }] }),
    candidate('0002', { status: 'claimed', attempt: 2, evidence: [{ kind: 'text', title: 'Reflection', durationMs: null }], excerpt: 'My objective was to…' }),
    candidate('0003', { status: 'decided' }),
  ],
};
const prepared = { batchId: 'master-1', submissions: 2 };

/** Core as it answers a set: its contract refuses what it cannot take, with the reasons. */
const prepares =
  (answer: MethodOutput<'lead.prepareSet'>) =>
  (input: MethodInput<'lead.prepareSet'>) => {
    const checked = methods['lead.prepareSet'].input.safeParse(input);
    return checked.success ? answer : refusal('invalid_input', `lead.prepareSet: ${describeIssues(checked.error)}`);
  };

/** One later answer, given when the test says so. */
function later<T>() {
  let settle: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

async function builder(answers: Answers) {
  const onMasterBatch = vi.fn();
  const view = renderView(<SetBuilder credentialId="c1" onMasterBatch={onMasterBatch} />, { 'lead.candidates': candidates, 'lead.prepareSet': prepares(prepared), ...answers });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Find submissions' }));
  return { ...view, onMasterBatch, user };
}

const box = (label: string): HTMLInputElement => screen.getByRole('checkbox', { name: `Submission ${label}` });
const scoreButton = (): HTMLElement => screen.getByRole('button', { name: /^Score \d+ submissions? as the master$/ });

describe('SetBuilder', () => {
  it('finds the micro-credential’s submissions, each with where it stands and its evidence to choose by', async () => {
    const { core } = await builder({});
    expect(core.callsOf('lead.candidates')).toEqual([{ credentialId: 'c1' }]);
    expect(await screen.findByRole('checkbox', { name: 'Submission 0001', description: /^Checks for understanding · attempt 1 · submitted .* Video · Lesson · 12:34$/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Submission 0002', description: /attempt 2 .* Written response · Reflection My objective was to…$/ })).toBeTruthy();
    expect(screen.getByText('Being scored')).toBeTruthy();
    expect(screen.getByText('Decided')).toBeTruthy();
    expect([box('0001'), box('0002'), box('0003')].map((item) => item.checked)).toEqual([false, false, false]);
  });

  it('says so when every submission is already in a set', async () => {
    await builder({ 'lead.candidates': { submissions: [] } });
    expect(await screen.findByText('Every submission of this micro-credential is already in a set.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('prepares the set from the submissions chosen and the title typed, and opens its master batch', async () => {
    const { core, onMasterBatch, user } = await builder({});
    await user.click(await screen.findByRole('checkbox', { name: 'Submission 0001' }));
    await user.click(box('0002'));
    await user.click(box('0003'));
    await user.click(box('0002'));
    expect(scoreButton().textContent).toBe('Score 2 submissions as the master');
    await user.type(screen.getByLabelText('Set title'), 'Autumn calibration');
    await user.click(scoreButton());
    expect(await screen.findByText('2 submissions are ready for master scoring in the scoring view.')).toBeTruthy();
    expect(core.callsOf('lead.prepareSet')).toEqual([{ credentialId: 'c1', title: 'Autumn calibration', purpose: 'calibration', submissionIds: ['0001', '0003'] }]);
    expect(onMasterBatch).toHaveBeenCalledWith('master-1');
  });

  it('cannot prepare a set before a submission is chosen, nor without a title', async () => {
    const { core, user } = await builder({});
    await screen.findByRole('checkbox', { name: 'Submission 0001' });
    expect(scoreButton().textContent).toBe('Score 0 submissions as the master');
    expect(scoreButton()).toHaveProperty('disabled', true);
    await user.click(box('0001'));
    expect(scoreButton()).toHaveProperty('disabled', false);
    await user.click(scoreButton());
    expect(screen.getByLabelText<HTMLInputElement>('Set title').validity.valueMissing).toBe(true);
    expect(core.callsOf('lead.prepareSet')).toEqual([]);
  });

  it('says what to change when core refuses a title of blanks, and keeps the choices', async () => {
    const { core, onMasterBatch, user } = await builder({});
    await user.click(await screen.findByRole('checkbox', { name: 'Submission 0001' }));
    await user.type(screen.getByLabelText('Set title'), '   ');
    await user.click(scoreButton());
    expect(await screen.findByText('Write something visible: the text is empty or only blanks and invisible characters.')).toBeTruthy();
    expect(core.callsOf('lead.prepareSet')).toHaveLength(1);
    expect(onMasterBatch).not.toHaveBeenCalled();
    expect(box('0001').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Set title').value).toBe('   ');
  });

  it('makes gold only of submissions nobody has claimed, dropping any other choice', async () => {
    const { core, user } = await builder({});
    await user.click(await screen.findByRole('checkbox', { name: 'Submission 0001' }));
    await user.click(box('0002'));
    await user.click(screen.getByRole('radio', { name: /^Gold items/ }));
    expect(screen.getByText('Only submissions nobody has claimed can become gold items.')).toBeTruthy();
    expect([box('0001'), box('0002'), box('0003')].map((item) => [item.checked, item.disabled])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(scoreButton().textContent).toBe('Score 1 submission as the master');
    await user.type(screen.getByLabelText('Set title'), 'Gold, autumn');
    await user.click(scoreButton());
    await waitFor(() => expect(core.callsOf('lead.prepareSet')).toEqual([{ credentialId: 'c1', title: 'Gold, autumn', purpose: 'gold', submissionIds: ['0001'] }]));
  });

  it('prepares one set at a time: finding and scoring wait while core makes the batch', async () => {
    const answer = later<MethodOutput<'lead.prepareSet'>>();
    const { core, onMasterBatch, user } = await builder({ 'lead.prepareSet': () => answer.promise });
    await user.click(await screen.findByRole('checkbox', { name: 'Submission 0001' }));
    await user.type(screen.getByLabelText('Set title'), 'Autumn calibration');
    await user.click(scoreButton());
    await waitFor(() => expect(scoreButton()).toHaveProperty('disabled', true));
    expect(screen.getByRole('button', { name: 'Find submissions' })).toHaveProperty('disabled', true);
    await user.click(scoreButton());
    await user.type(screen.getByLabelText('Set title'), '{Enter}');
    answer.settle({ batchId: 'master-1', submissions: 1 });
    expect(await screen.findByText('1 submission is ready for master scoring in the scoring view.')).toBeTruthy();
    expect(core.callsOf('lead.prepareSet')).toHaveLength(1);
    expect(onMasterBatch).toHaveBeenCalledTimes(1);
  });

  it('finding again starts the choice afresh', async () => {
    const { core, user } = await builder({});
    await user.click(await screen.findByRole('checkbox', { name: 'Submission 0001' }));
    await user.click(screen.getByRole('button', { name: 'Find submissions' }));
    await waitFor(() => expect(core.callsOf('lead.candidates')).toHaveLength(2));
    await waitFor(() => expect(box('0001').checked).toBe(false));
  });

  it('says why core could not find submissions', async () => {
    await builder({ 'lead.candidates': refusal('unavailable') });
    expect(await screen.findByText('Not reachable right now (the server, or the workstation core): nothing is lost; try again shortly.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
