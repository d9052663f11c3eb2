import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowResponse } from '../../../shared/flow';
import { Alert, ContinueActions, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';

type QuestionsView = Extract<FlowResponse, { step: 'questions' }>;

export function QuestionsScreen({ view }: { view: QuestionsView }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (view.questions.some((q) => !answers[q.id]?.trim())) return setMissing(true);
    setMissing(false);
    void send('flow.answerQuestions', { sessionId: view.sessionId, answers: view.questions.map((q) => ({ questionId: q.id, answer: answers[q.id] ?? '' })) });
  };
  return (
    <Page title={t('questions.title')} lead={t('questions.lead')}>
      {view.rejected === 'wrongAnswer' ? <Alert>{t('questions.wrongAnswer')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {view.questions.map((question, index) => (
          <Field
            key={question.id}
            label={question.text}
            value={answers[question.id] ?? ''}
            onChange={(e) => setAnswers({ ...answers, [question.id]: e.target.value })}
            error={missing && !answers[question.id]?.trim() ? t('questions.required') : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={512}
            data-autofocus={index === 0 ? true : undefined}
            name={`answer-${index}`}
          />
        ))}
        <ContinueActions busy={busy} />
      </form>
    </Page>
  );
}
