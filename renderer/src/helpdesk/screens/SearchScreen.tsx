import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { Button, Field } from '../../components/ui';
import { useHelpdesk } from '../context';
import { HelpdeskPage } from '../ui';

export function SearchScreen(): ReactElement {
  const { t } = useTranslation();
  const busy = useHelpdesk((s) => s.busy);
  const lastQuery = useHelpdesk((s) => s.query);
  const offset = useHelpdesk((s) => s.offset);
  const results = useHelpdesk((s) => s.results);
  const nextOffset = useHelpdesk((s) => s.nextOffset);
  const search = useHelpdesk((s) => s.search);
  const open = useHelpdesk((s) => s.open);
  const [query, setQuery] = useState(lastQuery);
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!query.trim()) return setError(t('helpdesk.search.required'));
    setError(undefined);
    void search(query.trim(), 0);
  };
  const pageSize = useHelpdesk((s) => s.pageSize) ?? 1;
  return (
    <HelpdeskPage title={t('helpdesk.search.title')} lead={t('helpdesk.search.lead')} wide>
      <form onSubmit={submit} noValidate aria-busy={busy} role="search" className="hd-search">
        <Field
          label={t('helpdesk.search.label')}
          error={error}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={256}
          name="query"
          type="search"
          data-autofocus={results === undefined ? true : undefined}
        />
        <Button type="submit" busy={busy} icon="arrow">
          {t('helpdesk.search.submit')}
        </Button>
      </form>
      {results !== undefined ? (
        <section className="hd-results" aria-labelledby="hd-results-title">
          <h2 id="hd-results-title" tabIndex={-1} data-autofocus>
            {results.length === 0 ? t('helpdesk.search.none', { query: lastQuery }) : t('helpdesk.search.page', { from: offset + 1, to: offset + results.length })}
          </h2>
          {results.length > 0 ? (
            <ul className="hd-result-list">
              {results.map((user) => (
                <li key={user.dn}>
                  <button type="button" className="hd-result" onClick={() => void open(user.dn)} aria-label={t('helpdesk.search.open', { name: user.displayName ?? user.accountName })}>
                    <span className="hd-avatar" aria-hidden="true">
                      {(user.displayName ?? user.accountName).slice(0, 1).toUpperCase()}
                    </span>
                    <span className="hd-result-text">
                      <span className="hd-result-name">{user.displayName ?? user.accountName}</span>
                      <span className="hd-result-meta">
                        {user.accountName}
                        {user.mail ? ` · ${user.mail}` : ''}
                      </span>
                    </span>
                    <Icon name="arrow" className="flow-arrow" />
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {offset > 0 || nextOffset !== undefined ? (
            <nav className="actions" aria-label={t('helpdesk.search.results')}>
              {offset > 0 ? (
                <Button variant="secondary" icon="back" onClick={() => void search(lastQuery, Math.max(0, offset - pageSize))}>
                  {t('helpdesk.search.previous')}
                </Button>
              ) : null}
              {nextOffset !== undefined ? (
                <Button variant="secondary" icon="arrow" onClick={() => void search(lastQuery, nextOffset)}>
                  {t('helpdesk.search.next')}
                </Button>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </HelpdeskPage>
  );
}
