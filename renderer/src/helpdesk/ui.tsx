/** Help-desk building blocks: the page frame with focus management, the refusal notice, dates. */
import { type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnTurn } from '../components/focus-on-turn';
import { Icon } from '../components/icons';
import { Alert } from '../components/ui';
import { useHelpdesk } from './context';

/**
 * A help-desk screen. On every answer of the main side focus moves to the element marked data-autofocus,
 * else to the heading, so keyboard users always continue where the new content starts.
 */
export function HelpdeskPage({ title, lead, children, wide }: { title: string; lead?: ReactNode; children?: ReactNode; wide?: boolean }): ReactElement {
  const ref = useFocusOnTurn<HTMLElement>(useHelpdesk((s) => s.turn));
  return (
    <section ref={ref} className={`page${wide ? ' hd-wide' : ''}`} aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      <Notice />
      {children}
    </section>
  );
}

/** The last refusal in plain words; a done action as a confirmation. */
export function Notice(): ReactElement | null {
  const { t } = useTranslation();
  const notice = useHelpdesk((s) => s.notice);
  const done = useHelpdesk((s) => s.done);
  if (notice) {
    const text = notice.reason === 'transport' ? t(notice.messageKey ?? 'error.unavailable') : t(`helpdesk.refused.${notice.reason}`);
    return <Alert>{text}</Alert>;
  }
  if (done) {
    return (
      <div className="alert hd-alert-ok" role="status">
        <Icon name="check" size={22} />
        <div>{t(`helpdesk.done.${done}`)}</div>
      </div>
    );
  }
  return null;
}

export function useDateFormat(): (iso: string | undefined) => string | undefined {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => (iso ? format.format(new Date(iso)) : undefined);
}
