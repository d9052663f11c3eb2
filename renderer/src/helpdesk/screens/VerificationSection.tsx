/** Caller verification on the panel: what is required, whether it passed, and how to start it. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountPanelView } from '../../../../shared/helpdesk';
import { Icon } from '../../components/icons';
import { Button } from '../../components/ui';
import { useHelpdesk } from '../context';
import { useDateFormat } from '../ui';

export function VerificationSection({ panel }: { panel: AccountPanelView }): ReactElement {
  const { t } = useTranslation();
  const date = useDateFormat();
  const busy = useHelpdesk((s) => s.busy);
  const startVerification = useHelpdesk((s) => s.startVerification);
  const { verification } = panel;
  let body: ReactElement;
  if (!verification.required) body = <p className="hd-note">{t('helpdesk.verify.notRequired')}</p>;
  else if (verification.verified) {
    body = (
      <p className="hd-note hd-ok" data-verified="true">
        <Icon name="check" size={20} /> {t('helpdesk.verify.verified', { method: t(`helpdesk.verify.method.${verification.method ?? 'totp'}`), until: date(verification.expiresAt) ?? '' })}
      </p>
    );
  } else if (verification.available.length === 0) body = <p className="hd-note">{t('helpdesk.verify.noMethod')}</p>;
  // A closed lockout gate cannot be passed here either: only reopening it (an action) helps.
  else if (panel.enrollment.lockoutGate.state !== 'open') body = <p className="hd-note hd-warn">{t('helpdesk.refused.lockedOut')}</p>;
  else {
    body = (
      <>
        <p className="hd-note">{t('helpdesk.verify.needed')}</p>
        <div className="actions">
          {verification.available.includes('totp') ? (
            <Button variant="primary" icon="shield" busy={busy} onClick={() => void startVerification('totp')}>
              {t('helpdesk.verify.byTotp')}
            </Button>
          ) : null}
          {verification.available.includes('answers') ? (
            <Button variant="secondary" icon="key" onClick={() => void startVerification('answers')}>
              {t('helpdesk.verify.byAnswers')}
            </Button>
          ) : null}
        </div>
      </>
    );
  }
  return (
    <section className="hd-section" aria-labelledby="hd-verify-title">
      <h2 id="hd-verify-title">{t('helpdesk.verify.title')}</h2>
      {body}
    </section>
  );
}
