import { withoutHiddenControls } from '../../../shared/domain/text';
import { textLimits } from '../../../shared/domain/text-limits';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTag } from '../../../shared/domain/comment';
import { useContractMutation } from '../data/contract-mutation';
import { useContractQuery } from '../data/contract-query';
import { describeFailure } from '../errors';
import { insertIntoLastTarget } from './bank-targets';
import { deleteSnippet, markSnippetUsed, saveSnippet } from './mutations';

type Draft = { id: string; title: string; body: string; tag: CommentTag };
type Starter = Omit<Draft, 'id'>;

/** The snippets every bank starts with (their words are the catalogue's, in the assessor's language). */
const starterSnippets: readonly { key: string; tag: CommentTag }[] = [
  { key: 'namesMoment', tag: 'strength' },
  { key: 'evidenceOfLearning', tag: 'strength' },
  { key: 'linkToObjective', tag: 'growth_area' },
  { key: 'moreLearners', tag: 'growth_area' },
  { key: 'citeSpecificWork', tag: 'growth_area' },
  { key: 'nextStepWithCheck', tag: 'growth_area' },
];

/** A snippet matches a search when its title or text contains every word of it. */
const matches = (snippet: Starter, query: string): boolean => {
  const text = `${snippet.title} ${snippet.body}`.toLocaleLowerCase();
  return query.toLocaleLowerCase().split(/\s+/).every((word) => text.includes(word));
};

/** The assessor's personal comment bank: search, insert into the last feedback field, save, edit, delete. */
export function CommentBank({ readOnly }: { readOnly: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const save = useContractMutation(saveSnippet);
  const remove = useContractMutation(deleteSnippet);
  const markUsed = useContractMutation(markSnippetUsed);
  const [query, setQuery] = useState('');
  const found = useContractQuery('bank.search', { query });
  const snippets = found.state === 'ready' ? found.value.snippets : [];
  const [editing, setEditing] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  // A few to start from, in the assessor's language, until their own bank grows.
  const starters = starterSnippets
    .map(({ key, tag }): Starter => ({ title: t(`bank.starter.${key}.title`), body: t(`bank.starter.${key}.body`), tag }))
    .filter((starter) => matches(starter, query.trim()));
  const insert = (snippet: Starter): boolean => {
    const inserted = insertIntoLastTarget(snippet.body);
    setMessage(inserted ? t('bank.inserted', { title: snippet.title }) : t('bank.noTarget'));
    return inserted;
  };

  return (
    <section className="comment-bank" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('bank.title')}</h4>
      <label>
        {t('bank.search')} <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <p className="hint" aria-live="polite">
        {message}
      </p>
      <ul>
        {snippets.map((snippet) => (
          <li key={snippet.id}>
            <strong>{snippet.title}</strong> <span className="chip">{t(`comments.tags.${snippet.tag}`)}</span>
            <p>{snippet.body}</p>
            <div className="button-row">
              <button
                type="button"
                disabled={readOnly}
                onClick={() => {
                  if (insert(snippet)) markUsed.mutate({ id: snippet.id });
                }}
                aria-label={t('bank.insertNamed', { title: snippet.title })}
              >
                {t('bank.insert')}
              </button>
              <button type="button" onClick={() => setEditing({ id: snippet.id, title: snippet.title, body: snippet.body, tag: snippet.tag })} aria-label={t('bank.editNamed', { title: snippet.title })}>
                {t('bank.edit')}
              </button>
              <button
                type="button"
                onClick={() => remove.mutate({ id: snippet.id })}
                aria-label={t('bank.deleteNamed', { title: snippet.title })}
              >
                {t('bank.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {snippets.length === 0 && <p className="hint">{t('bank.empty')}</p>}
      {starters.length > 0 && (
        <>
          <h5>{t('bank.starters')}</h5>
          <ul className="starter-snippets">
            {starters.map((starter) => (
              <li key={starter.title}>
                <strong>{starter.title}</strong> <span className="chip">{t(`comments.tags.${starter.tag}`)}</span>
                <p>{starter.body}</p>
                <div className="button-row">
                  <button type="button" disabled={readOnly} onClick={() => insert(starter)} aria-label={t('bank.insertNamed', { title: starter.title })}>
                    {t('bank.insert')}
                  </button>
                  <button type="button" onClick={() => setEditing({ id: crypto.randomUUID(), ...starter })} aria-label={t('bank.copyNamed', { title: starter.title })}>
                    {t('bank.copy')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing ? (
        <form
          className="snippet-editor"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(editing, {
              onSuccess: () => {
                setEditing(null);
                setMessage(t('bank.saved'));
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            });
          }}
        >
          <label>
            {t('bank.snippetTitle')} <input value={editing.title} onChange={(event) => setEditing({ ...editing, title: withoutHiddenControls(event.target.value) })} required />
          </label>
          <label>
            {t('bank.snippetBody')} <textarea value={editing.body} rows={3} maxLength={textLimits.snippet} onChange={(event) => setEditing({ ...editing, body: withoutHiddenControls(event.target.value) })} required />
          </label>
          <label>
            {t('comments.tag')}{' '}
            <select value={editing.tag} onChange={(event) => setEditing({ ...editing, tag: event.target.value as CommentTag })}>
              {(['strength', 'growth_area', 'note'] as const).map((tag) => (
                <option key={tag} value={tag}>
                  {t(`comments.tags.${tag}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="button-row">
            <button type="submit">{t('bank.save')}</button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing({ id: crypto.randomUUID(), title: '', body: '', tag: 'growth_area' })}>
          {t('bank.new')}
        </button>
      )}
    </section>
  );
}
