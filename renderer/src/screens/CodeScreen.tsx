/** A one-field secret step: the TOTP code or the current password. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Actions, Alert, Button, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';

export function TotpScreen({ sessionId, rejected }: { sessionId: string; rejected: boolean }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6,8}$/.test(digits)) return setError(t('totp.invalid'));
    setError(undefined);
    setCode('');
    void send('flow.submitTotp', { sessionId, code: digits });
  };
  return (
    <Page title={t('totp.title')} lead={t('totp.lead')}>
      {rejected ? <Alert>{t('totp.wrongAnswer')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('totp.label')}
          hint={t('totp.hint')}
          error={error}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={9}
          className="code-input"
          data-autofocus
          name="code"
        />
        <Actions>
          <Button type="submit" busy={busy} icon="arrow">
            {t('app.continue')}
          </Button>
        </Actions>
      </form>
    </Page>
  );
}

export function CurrentPasswordScreen({ sessionId, rejected }: { sessionId: string; rejected: boolean }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError(t('currentPassword.required'));
    setError(undefined);
    setPassword('');
    void send('flow.submitCurrentPassword', { sessionId, password });
  };
  return (
    <Page title={t('currentPassword.title')} lead={t('currentPassword.lead')}>
      {rejected ? <Alert>{t('currentPassword.wrongAnswer')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('currentPassword.label')}
          type="password"
          error={error}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={512}
          data-autofocus
          name="current-password"
        />
        <Actions>
          <Button type="submit" busy={busy} icon="arrow">
            {t('app.continue')}
          </Button>
        </Actions>
      </form>
    </Page>
  );
}
