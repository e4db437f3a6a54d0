// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { RulesForm } from '../../../renderer/src/lead/RulesForm';
import { calibrationSet, dashboardView } from './fixtures';
import { refusal, renderView, startI18n } from './harness';

beforeAll(startI18n);

const view = dashboardView({ sets: [calibrationSet('set-q', 'Qualification set'), calibrationSet('set-r', 'Recalibration set')] });

describe('RulesForm', () => {
  it('saves the rules as shares, and the dashboard shows what core answered without reading it again', async () => {
    const saved = dashboardView({ fetchedAt: '2026-12-02T09:00:00.000Z' });
    const rendered = renderView(<RulesForm credentialId="c1" view={view} />, { 'lead.setRules': saved });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Qualify on'), 'set-q');
    const gold = screen.getByLabelText(/^Gold items in batches/);
    await user.clear(gold);
    await user.type(gold, '12');
    await user.click(screen.getByRole('button', { name: 'Save the rules' }));
    expect(await screen.findByText('Rules saved on the server.')).toBeTruthy();
    expect(rendered.core.callsOf('lead.setRules')).toEqual([
      {
        rules: {
          credentialId: 'c1',
          qualification: { setId: 'set-q', minExactAgreement: 0.8, maxLevelsOff: 1 },
          doubleScoringRate: 0.1,
          goldRate: 0.12,
          adjudicationTolerance: 1,
          backreadingRate: 0.05,
          lockout: null,
        },
      },
    ]);
    expect(rendered.queries.getQueryData(queryKeyOf('lead.dashboard', { credentialId: 'c1' }))).toEqual(saved);
    expect(rendered.core.callsOf('lead.dashboard')).toEqual([]);
  });

  it('says when no rules are saved yet (the server applies none; the values shown are suggestions), and not once they are', () => {
    const unsaved = renderView(<RulesForm credentialId="c1" view={{ ...view, rules: null }} />);
    expect(screen.getByText(/^No rules are saved for this micro-credential yet/)).toBeTruthy();
    unsaved.unmount();
    renderView(<RulesForm credentialId="c1" view={{ ...view, rules: { credentialId: 'c1', qualification: null, doubleScoringRate: 0.1, goldRate: 0, adjudicationTolerance: 1, backreadingRate: 0.05, lockout: null } }} />);
    expect(screen.queryByText(/^No rules are saved/)).toBeNull();
  });

  it('keeps a percentage within 0–100 as it is typed', async () => {
    renderView(<RulesForm credentialId="c1" view={view} />);
    const rate = screen.getByLabelText<HTMLInputElement>(/^Double-scored/);
    const user = userEvent.setup();
    await user.clear(rate);
    await user.type(rate, '250');
    expect(rate.value).toBe('100');
  });

  it('refuses a lockout rule without the set that lifts it, before asking core', async () => {
    const rendered = renderView(<RulesForm credentialId="c1" view={view} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Suspend an assessor’s live claims when their accuracy drops'));
    await user.click(screen.getByRole('button', { name: 'Save the rules' }));
    expect(screen.getByText('Choose the recalibration set that lifts a lockout.')).toBeTruthy();
    expect(rendered.core.callsOf('lead.setRules')).toEqual([]);
    await user.selectOptions(screen.getByLabelText('Recalibration set'), 'set-r');
    await user.click(screen.getByRole('button', { name: 'Save the rules' }));
    await waitFor(() => expect(rendered.core.callsOf('lead.setRules')).toHaveLength(1));
    expect(rendered.core.callsOf('lead.setRules')[0]?.rules.lockout).toEqual({
      minGoldExact: 0.7,
      goldWindow: 10,
      maxOverrideShare: 0.3,
      backreadWindow: 10,
      recalibrationSetId: 'set-r',
      minExactAgreement: 0.8,
      maxLevelsOff: 1,
    });
  });

  it('says why core refused the rules', async () => {
    renderView(<RulesForm credentialId="c1" view={view} />, { 'lead.setRules': refusal('forbidden') });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save the rules' }));
    expect(await screen.findByText('That is not allowed here, or you are no longer signed in (sign in again; unsent work stays here).')).toBeTruthy();
  });
});
