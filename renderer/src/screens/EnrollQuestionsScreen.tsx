import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowResponse } from '../../../shared/flow';
import { Icon } from '../components/icons';
import { Alert, ContinueActions, Field, Page } from '../components/ui';
import { useSesame } from '../state/context';

type EnrollView = Extract<FlowResponse, { step: 'enrollQuestions' }>;
const customChoice = '__custom__';

interface Row {
  questionId: string;
  custom: string;
  answer: string;
}

export function EnrollQuestionsScreen({ view }: { view: EnrollView }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const count = Math.max(1, view.required);
  const [rows, setRows] = useState<Row[]>(() => Array.from({ length: count }, () => ({ questionId: '', custom: '', answer: '' })));
  const [local, setLocal] = useState<Record<number, string>>({});
  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<number, string> = {};
    rows.forEach((row, i) => {
      if (!row.questionId) problems[i] = t('enrollQuestions.rules.unknownQuestion');
      else if (row.answer.trim().length < view.minAnswerLength) problems[i] = t('enrollQuestions.rules.tooShort', { min: view.minAnswerLength });
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const answers = rows.map((row) =>
      row.questionId === customChoice ? { customQuestion: row.custom, answer: row.answer } : { questionId: row.questionId, answer: row.answer },
    );
    void send('flow.enrollQuestions', { sessionId: view.sessionId, answers });
  };

  const rowError = (index: number): string | undefined => {
    if (local[index]) return local[index];
    const rule = view.answerRules?.find((r) => r.index === index);
    return rule ? t(`enrollQuestions.rules.${rule.rule}`, rule.params ?? {}) : undefined;
  };
  const general = view.answerRules?.filter((r) => r.index === undefined) ?? [];

  return (
    <Page title={t('enrollQuestions.title')} lead={t('enrollQuestions.lead', { count })}>
      {general.length > 0 ? <Alert>{general.map((r) => t(`enrollQuestions.rules.${r.rule}`, r.params ?? {})).join(' ')}</Alert> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {rows.map((row, index) => {
          const taken = new Set(rows.filter((_, i) => i !== index).map((r) => r.questionId));
          const error = rowError(index);
          const selectId = `question-${index}`;
          return (
            <fieldset key={index} className={`enroll-row${error ? ' field-invalid' : ''}`}>
              <legend>{t('enrollQuestions.question', { number: index + 1 })}</legend>
              <div className="field">
                <label htmlFor={selectId} className="sr-only">
                  {t('enrollQuestions.question', { number: index + 1 })}
                </label>
                <div className="select">
                  <select
                    id={selectId}
                    value={row.questionId}
                    onChange={(e) => update(index, { questionId: e.target.value })}
                    data-autofocus={index === 0 ? true : undefined}
                    name={selectId}
                  >
                    <option value="">{t('enrollQuestions.choose')}</option>
                    {view.catalogue.map((q) => (
                      <option key={q.id} value={q.id} disabled={taken.has(q.id)}>
                        {q.text}
                      </option>
                    ))}
                    {view.allowCustomQuestions ? <option value={customChoice}>{t('enrollQuestions.custom')}</option> : null}
                  </select>
                  <Icon name="arrow" size={18} className="select-arrow" />
                </div>
              </div>
              {row.questionId === customChoice ? (
                <Field label={t('enrollQuestions.customLabel', { number: index + 1 })} value={row.custom} onChange={(e) => update(index, { custom: e.target.value })} maxLength={200} />
              ) : null}
              <Field
                label={t('enrollQuestions.answer', { number: index + 1 })}
                hint={t('enrollQuestions.hint', { min: view.minAnswerLength })}
                error={error}
                value={row.answer}
                onChange={(e) => update(index, { answer: e.target.value })}
                autoComplete="off"
                spellCheck={false}
                maxLength={512}
                name={`answer-${index}`}
              />
            </fieldset>
          );
        })}
        <ContinueActions busy={busy} />
      </form>
    </Page>
  );
}
