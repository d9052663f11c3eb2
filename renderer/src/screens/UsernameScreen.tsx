import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ContinueActions, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';

export function UsernameScreen(): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const start = useSesame((s) => s.start);
  const toStart = useSesame((s) => s.toStart);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setError(t('username.required'));
    setError(undefined);
    void start(username.trim());
  };
  return (
    <Page title={t('username.title')}>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('username.label')}
          hint={t('username.hint')}
          error={error}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={256}
          data-autofocus
          name="username"
        />
        <ContinueActions busy={busy}>
          <Button variant="secondary" onClick={toStart} icon="back">
            {t('app.back')}
          </Button>
        </ContinueActions>
      </form>
    </Page>
  );
}
