/** A one-field secret step: the TOTP code or the current password. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ContinueActions, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';
import { TotpCodeField, totpDigits } from './TotpCodeField';

export function TotpScreen({ sessionId, rejected }: { sessionId: string; rejected: boolean }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = totpDigits(code);
    if (!digits) return setError(t('totp.invalid'));
    setError(undefined);
    setCode('');
    void send('flow.submitTotp', { sessionId, code: digits });
  };
  return (
    <Page title={t('totp.title')} lead={t('totp.lead')}>
      {rejected ? <Alert>{t('totp.wrongAnswer')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TotpCodeField label={t('totp.label')} error={error} value={code} onChange={setCode} />
        <ContinueActions busy={busy} />
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
        <ContinueActions busy={busy} />
      </form>
    </Page>
  );
}
