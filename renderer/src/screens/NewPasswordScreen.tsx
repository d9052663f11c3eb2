import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowResponse, PolicyRuleView } from '../../../shared/flow';
import { Icon } from '../components/icons';
import { Alert, ContinueActions, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';

type NewPasswordView = Extract<FlowResponse, { step: 'newPassword' }>;

/** Typing pauses this long before the main side checks the candidate (the checklist is live, not chatty). */
const checkDelayMs = 250;

function RuleItem({ rule, touched, failedOnSubmit }: { rule: PolicyRuleView; touched: boolean; failedOnSubmit: boolean }): ReactElement {
  const { t } = useTranslation();
  const state = failedOnSubmit ? 'fail' : rule.passes === undefined || !touched ? 'unknown' : rule.passes ? 'pass' : 'fail';
  const status = state === 'pass' ? t('newPassword.pass') : state === 'fail' ? t('newPassword.fail') : t('newPassword.unknown');
  return (
    <li className={`rule rule-${state}`} data-rule={rule.rule} data-state={state}>
      <Icon name={state === 'pass' ? 'check' : state === 'fail' ? 'cross' : 'dot'} size={20} />
      <span>{t(`newPassword.rules.${rule.rule}`, rule.params)}</span>
      <span className="sr-only">: {status}</span>
    </li>
  );
}

export function NewPasswordScreen({ view }: { view: NewPasswordView }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const check = useSesame((s) => s.check);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});

  useEffect(() => {
    if (!password) return;
    const timer = setTimeout(() => void check(password), checkDelayMs);
    return () => clearTimeout(timer);
  }, [password, check]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setErrors({ password: t('newPassword.required') });
    if (password !== confirm) return setErrors({ confirm: t('newPassword.mismatch') });
    setErrors({});
    void send('flow.submitNewPassword', { sessionId: view.sessionId, newPassword: password });
  };
  const failed = new Set(view.rejected === 'policy' ? (view.failedRules ?? []) : []);

  return (
    <Page title={t('newPassword.title')} lead={t('newPassword.lead')}>
      {view.rejected === 'policy' ? <Alert>{t('newPassword.refused')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy} className="new-password">
        <div className="new-password-fields">
          <Field
            label={t('newPassword.label')}
            type={show ? 'text' : 'password'}
            error={errors.password}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            maxLength={512}
            data-autofocus
            name="new-password"
          />
          <Field
            label={t('newPassword.confirmLabel')}
            type={show ? 'text' : 'password'}
            error={errors.confirm}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
            maxLength={512}
            name="confirm-password"
          />
          <label className="checkbox">
            <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
            <span>{t('newPassword.show')}</span>
          </label>
        </div>
        {view.rules.length > 0 ? (
          <div className="checklist">
            <h2 id="checklist-title">{t('newPassword.checklist')}</h2>
            <ul aria-labelledby="checklist-title" aria-live="polite">
              {view.rules.map((rule) => (
                <RuleItem key={rule.rule} rule={rule} touched={password.length > 0} failedOnSubmit={failed.has(rule.rule)} />
              ))}
            </ul>
          </div>
        ) : null}
        <ContinueActions busy={busy} icon="check" />
      </form>
    </Page>
  );
}
