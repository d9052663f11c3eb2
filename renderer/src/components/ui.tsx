/** Small building blocks every screen uses: buttons, fields, alerts, the page frame with focus management. */
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSesame } from '../state/context';
import { useFocusOnTurn } from './focus-on-turn';
import { Icon, type IconName } from './icons';

export function Button({
  variant = 'primary',
  busy = false,
  icon,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'ghost'; busy?: boolean; icon?: IconName }): ReactElement {
  const { t } = useTranslation();
  return (
    <button type="button" className={`button button-${variant}`} aria-disabled={busy || undefined} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} size={20} /> : null}
      <span>{busy ? t('app.working') : children}</span>
    </button>
  );
}

export function Field({
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | undefined }): ReactElement {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <Icon name="alert" size={18} /> {error}
        </p>
      ) : null}
    </div>
  );
}

export function Alert({ tone = 'error', children }: { tone?: 'error' | 'info'; children: ReactNode }): ReactElement {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'error' ? 'alert' : 'clock'} size={22} />
      <div>{children}</div>
    </div>
  );
}

/**
 * A screen: heading, lead text, body. On every turn (new screen or rejected answer) focus moves to the
 * element marked data-autofocus, else to the heading, so keyboard and screen reader users start in place.
 */
export function Page({ title, lead, icon, tone, children }: { title: string; lead?: ReactNode; icon?: IconName; tone?: 'success' | 'danger' | 'neutral'; children?: ReactNode }): ReactElement {
  const ref = useFocusOnTurn<HTMLElement>(useSesame((s) => s.turn));
  return (
    <section ref={ref} className="page" aria-labelledby="page-title">
      {icon ? (
        <div className={`page-icon page-icon-${tone ?? 'neutral'}`}>
          <Icon name={icon} size={36} />
        </div>
      ) : null}
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </section>
  );
}

export function Actions({ children }: { children: ReactNode }): ReactElement {
  return <div className="actions">{children}</div>;
}

/** A step's submit row: Continue, busy while the main side answers, then any secondary buttons. */
export function ContinueActions({ busy, icon = 'arrow', children }: { busy: boolean; icon?: IconName; children?: ReactNode }): ReactElement {
  const { t } = useTranslation();
  return (
    <Actions>
      <Button type="submit" busy={busy} icon={icon}>
        {t('app.continue')}
      </Button>
      {children}
    </Actions>
  );
}

/** The banner counting down to the idle timeout, with a way to stay. */
export function IdleWarning({ message, stayLabel, onStay }: { message: string; stayLabel: string; onStay: () => void }): ReactElement {
  return (
    <div className="idle-warning" role="alert">
      <Icon name="clock" />
      <span>{message}</span>
      <Button variant="secondary" onClick={onStay}>
        {stayLabel}
      </Button>
    </div>
  );
}
