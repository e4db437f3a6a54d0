import { Fragment, useState } from 'react';

export interface LeadQueueProps<Item> {
  /** Names the heading (`<id>-title`). */
  id: string;
  title: string;
  /** What the queue says of itself: how fresh it is, how many wait. */
  status: string;
  empty: string;
  listLabel: string;
  items: readonly Item[];
  keyOf: (item: Item) => string;
  /** The list entry's words. */
  describe: (item: Item) => React.ReactNode;
  /** Shown until the lead picks one: the first item this accepts. */
  shownFirst: (item: Item) => boolean;
  /** The chosen item, read beside the list (keyed by the item, so its state starts afresh). */
  renderCase: (item: Item) => React.ReactNode;
}

/**
 * A lead's work queue (adjudications, backreads, referrals): the items on one side, the chosen one
 * read and answered beside them; the first still open is shown until the lead picks another.
 */
export function LeadQueue<Item>({ id, title, status, empty, listLabel, items, keyOf, describe, shownFirst, renderCase }: LeadQueueProps<Item>): React.JSX.Element {
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = items.find((item) => keyOf(item) === selectedKey) ?? items.find(shownFirst) ?? null;
  return (
    <section className="adjudication" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint" role="status">
        {status}
      </p>
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <div className="adjudication-layout">
          <ul className="adjudication-list" aria-label={listLabel}>
            {items.map((item) => (
              <li key={keyOf(item)}>
                <button type="button" aria-current={selected !== null && keyOf(item) === keyOf(selected)} onClick={() => setSelectedKey(keyOf(item))}>
                  {describe(item)}
                </button>
              </li>
            ))}
          </ul>
          {selected && <Fragment key={keyOf(selected)}>{renderCase(selected)}</Fragment>}
        </div>
      )}
    </section>
  );
}
