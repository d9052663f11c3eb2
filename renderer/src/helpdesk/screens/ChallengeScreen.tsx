/** The operator asks the caller, and types what they say: a TOTP code or the answers to the questions. */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionView } from '../../../../shared/flow';
import type { VerificationMethod } from '../../../../shared/helpdesk';
import { Actions, Button, Field } from '../../components/ui';
import { useHelpdesk } from '../context';
import { HelpdeskPage } from '../ui';

export function ChallengeScreen({ method, questions }: { method: VerificationMethod; questions: QuestionView[] }): ReactElement {
  const { t } = useTranslation();
  const busy = useHelpdesk((s) => s.busy);
  const verify = useHelpdesk((s) => s.verify);
  const toPanel = useHelpdesk((s) => s.toPanel);
  const name = useHelpdesk((s) => s.panel?.user.displayName ?? s.panel?.user.accountName ?? '');
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (method === 'totp') {
      if (!/^\d{6,8}$/.test(code)) return setError(t('helpdesk.verify.required'));
      setError(undefined);
      return void verify({ code });
    }
    if (questions.some((q) => !answers[q.id]?.trim())) return setError(t('helpdesk.verify.required'));
    setError(undefined);
    void verify({ answers: questions.map((q) => ({ questionId: q.id, answer: answers[q.id] ?? '' })) });
  };
  const totp = method === 'totp';
  return (
    <HelpdeskPage title={totp ? t('helpdesk.verify.codeTitle') : t('helpdesk.verify.answersTitle')} lead={`${name} · ${totp ? t('helpdesk.verify.codeLead') : t('helpdesk.verify.answersLead')}`}>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {totp ? (
          <Field
            label={t('helpdesk.verify.codeLabel')}
            error={error}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoComplete="off"
            className="code-input"
            name="code"
            data-autofocus
          />
        ) : (
          questions.map((question, index) => (
            <Field
              key={question.id}
              label={question.text}
              error={index === 0 ? error : undefined}
              value={answers[question.id] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [question.id]: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              maxLength={512}
              {...(index === 0 ? { 'data-autofocus': true } : {})}
            />
          ))
        )}
        <Actions>
          <Button type="submit" busy={busy} icon="shield">
            {t('helpdesk.verify.submit')}
          </Button>
          <Button variant="secondary" icon="back" onClick={toPanel}>
            {t('helpdesk.verify.cancel')}
          </Button>
        </Actions>
      </form>
    </HelpdeskPage>
  );
}
