import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Actions, Button, Field } from '../../components/ui';
import { useHelpdesk } from '../context';
import { HelpdeskPage } from '../ui';

export function SignInScreen(): ReactElement {
  const { t } = useTranslation();
  const busy = useHelpdesk((s) => s.busy);
  const signIn = useHelpdesk((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) return setError(t('helpdesk.signIn.required'));
    setError(undefined);
    // The password leaves this screen with the call; a refused sign-in clears it.
    void signIn(username.trim(), password).finally(() => setPassword(''));
  };
  return (
    <HelpdeskPage title={t('helpdesk.signIn.title')} lead={t('helpdesk.signIn.lead')}>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('helpdesk.signIn.username')}
          error={error}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={256}
          name="username"
          data-autofocus
        />
        <Field
          label={t('helpdesk.signIn.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={512}
          name="password"
        />
        <Actions>
          <Button type="submit" busy={busy} icon="arrow">
            {t('helpdesk.signIn.submit')}
          </Button>
        </Actions>
      </form>
    </HelpdeskPage>
  );
}
