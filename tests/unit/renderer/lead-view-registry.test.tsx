// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract/methods';
import type { MethodName } from '../../../shared/contract/methods';
import { LeadViewSwitch } from '../../../renderer/src/app/LeadViewSwitch';
import { MainView } from '../../../renderer/src/app/MainView';
import { followCoreEvents } from '../../../renderer/src/data/core-events';
import { leadViewReads, leadViews } from '../../../renderer/src/lead/lead-views';
import { batch, dashboardView, queueItem } from './fixtures';
import type { Answers } from './harness';
import { renderView, setup, startI18n } from './harness';

// The lead's views are a registry (renderer/src/lead/lead-views.tsx): these tests hold for whatever it
// lists, so a view added there is reachable, shown and kept fresh without touching anything else.

beforeAll(startI18n);

const lead = { signedIn: true, serverUrl: 'https://api.example.org', email: 'lead@example.org', displayName: 'Lead', roles: ['lead' as const], storage: 'os' as const, lastEmail: null, ended: null };
const answers: Answers = {
  'session.get': lead,
  'workspace.summary': { isDemo: false, batches: [batch('b1')] },
  'queue.list': { items: [queueItem('s1')] },
  'preferences.get': { openSubmissionId: null },
  'lead.dashboard': dashboardView(),
  'lead.adjudications': { fetchedAt: null, adjudications: [], rubrics: [] },
  'lead.backreads': { fetchedAt: null, backreads: [], rubrics: [] },
  'referral.list': { referrals: [] },
};

// React's generated ids differ from one tree to another; what a view shows does not.
const withoutGeneratedIds = (html: string): string => html.replace(/«[^»]*»|:r[0-9a-z]+:|_r_[0-9a-z]+_/g, '«id»');

describe('the lead view registry', () => {
  it('has test data here for every read a registered view shows (a view with a new read adds an answer above)', () => {
    expect(leadViewReads.filter((read) => !(read in answers))).toEqual([]);
  });

  it('names each view in both catalogues', () => {
    for (const view of leadViews) for (const lng of ['en', 'es']) expect(i18next.exists(view.label, { lng }), `${view.label} (${lng})`).toBe(true);
  });

  it('makes every registered view reachable through the switch and shown by the main area', async () => {
    const app = renderView(
      <>
        <LeadViewSwitch />
        <div data-testid="main">
          <MainView onDecided={() => undefined} noBatches={false} focusQueue={() => undefined} />
        </div>
      </>,
      answers,
    );
    const user = userEvent.setup();
    const views = await screen.findByRole('navigation', { name: 'Views' });
    expect(within(views).getAllByRole('button')).toHaveLength(leadViews.length + 1);
    const main = screen.getByTestId('main');
    const shown = new Set<string>();
    for (const view of leadViews) {
      const button = within(views).getByRole('button', { name: i18next.t(view.label) });
      await user.click(button);
      expect(app.navigation.get().view).toBe(view.id);
      expect(button.getAttribute('aria-pressed')).toBe('true');
      // The main area shows what the view's component shows on its own, answered alike (once read: every view looks alike while loading).
      const alone = renderView(<view.component />, answers);
      await waitFor(() => expect(alone.container.querySelector('[aria-busy="true"]')).toBeNull());
      await waitFor(() => expect(withoutGeneratedIds(main.innerHTML)).toBe(withoutGeneratedIds(alone.container.innerHTML)));
      shown.add(main.innerHTML);
      alone.unmount();
    }
    expect(shown.size).toBe(leadViews.length);
    await user.click(within(views).getByRole('button', { name: 'Scoring' }));
    expect(app.navigation.get().view).toBe('scoring');
  });

  it('reads again, when quality data arrives, exactly the registered views’ reads and the assessor’s own', async () => {
    const { core, queries } = setup();
    followCoreEvents(core.client, queries, leadViewReads);
    for (const method of Object.keys(methods) as MethodName[]) queries.setQueryData([method, {}], {});
    core.emit('workspace.changed', { batches: false, submissions: [], quality: true });
    const readAgain = (): string[] => queries.getQueryCache().getAll().filter((query) => query.state.isInvalidated).map((query) => String(query.queryKey[0]));
    // The assessor's own: their standing, and the threads of what they referred (a lead's referrals view reads the same method).
    const expected = new Set<string>(['quality.status', 'referral.list', ...leadViews.flatMap((view) => view.reads)]);
    await waitFor(() => expect(new Set(readAgain())).toEqual(expected));
    for (const view of leadViews) for (const read of view.reads) expect(readAgain()).toContain(read);
  });
});
