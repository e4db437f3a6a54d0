// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LeadQueue } from '../../../renderer/src/lead/LeadQueue';

interface Item {
  id: string;
  label: string;
  done: boolean;
}

const queue = (items: Item[]): React.JSX.Element => (
  <LeadQueue
    id="probe"
    title="Probe queue"
    status="2 open"
    empty="Nothing waits."
    listLabel="Probe items"
    items={items}
    keyOf={(item) => item.id}
    describe={(item) => `${item.label} · ${item.done ? 'done' : 'open'}`}
    shownFirst={(item) => !item.done}
    renderCase={(item) => <article aria-label="Case">Reading {item.label}</article>}
  />
);

afterEach(cleanup);

describe('a lead’s queue', () => {
  it('shows the first open item until the lead picks another, and marks the one shown', async () => {
    render(queue([{ id: 'a', label: 'Submission 1', done: true }, { id: 'b', label: 'Submission 2', done: false }, { id: 'c', label: 'Submission 3', done: false }]));
    expect(screen.getByRole('heading', { name: 'Probe queue' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Case' }).textContent).toBe('Reading Submission 2');
    expect(screen.getByRole('button', { name: 'Submission 2 · open' }).getAttribute('aria-current')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Submission 1 · done' }));
    expect(screen.getByRole('article', { name: 'Case' }).textContent).toBe('Reading Submission 1');
    expect(screen.getByRole('button', { name: 'Submission 2 · open' }).getAttribute('aria-current')).toBe('false');
  });

  it('says so when nothing waits, and shows no case', () => {
    render(queue([]));
    expect(screen.getByText('Nothing waits.')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Probe items' })).toBeNull();
  });
});
