/**
 * The generated password, once: large, monospaced, grouped for reading aloud, not selectable (no copy, so
 * it lands in no clipboard history). Leaving the screen drops it from the store.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { Actions, Button } from '../../components/ui';
import { useHelpdesk } from '../context';
import { HelpdeskPage } from '../ui';

export function ResetScreen({ temporaryPassword, mustChange }: { temporaryPassword: string; mustChange: boolean }): ReactElement {
  const { t } = useTranslation();
  const toPanel = useHelpdesk((s) => s.toPanel);
  const name = useHelpdesk((s) => s.panel?.user.displayName ?? s.panel?.user.accountName ?? '');
  return (
    <HelpdeskPage title={t('helpdesk.reset.title')} lead={t('helpdesk.reset.lead')}>
      <figure className="hd-password" onCopy={(e) => e.preventDefault()} onContextMenu={(e) => e.preventDefault()}>
        <figcaption>{t('helpdesk.reset.label', { name })}</figcaption>
        <p className="hd-password-value" aria-describedby="hd-password-spelled">
          {Array.from(temporaryPassword).map((char, index) => (
            <span key={index} className={/\d/.test(char) ? 'hd-digit' : /[A-Za-z]/.test(char) ? undefined : 'hd-symbol'}>
              {char}
            </span>
          ))}
        </p>
        <p className="sr-only" id="hd-password-spelled">
          {t('helpdesk.reset.spelled')}: {Array.from(temporaryPassword).join(' ')}
        </p>
      </figure>
      <p className="hd-note">
        <Icon name={mustChange ? 'refresh' : 'check'} size={20} /> {mustChange ? t('helpdesk.reset.mustChange') : t('helpdesk.reset.noChange')}
      </p>
      <Actions>
        <Button icon="check" onClick={toPanel} data-autofocus>
          {t('helpdesk.reset.done')}
        </Button>
      </Actions>
    </HelpdeskPage>
  );
}
