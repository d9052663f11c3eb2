/**
 * The actions this operator may take on this account, as the main side listed them in allowedActions;
 * the main side checks rights and verification again on every call.
 */
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountPanelView } from '../../../../shared/helpdesk';
import { Button } from '../../components/ui';
import { useHelpdesk } from '../context';

/** The date input's value for an ISO instant (local calendar day), and back (end of that local day). */
const dayOf = (iso: string | undefined) => (iso ? new Date(iso).toLocaleDateString('sv-SE') : '');
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

export function ActionsSection({ panel }: { panel: AccountPanelView }): ReactElement {
  const { t } = useTranslation();
  const busy = useHelpdesk((s) => s.busy);
  const act = useHelpdesk((s) => s.act);
  const [mustChange, setMustChange] = useState(true);
  const [validUntil, setValidUntil] = useState(dayOf(panel.state.validUntil));
  const dateId = useId();
  const confirmId = useId();
  // Clearing an enrollment cannot be undone: it asks once more, with the focus on the confirmation.
  const [confirmClear, setConfirmClear] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmClear) confirmRef.current?.querySelector<HTMLButtonElement>('[data-action=clearEnrollment]')?.focus();
  }, [confirmClear]);
  const allowed = new Set(panel.allowedActions);
  const { state, enrollment, verification } = panel;
  const run = (action: Parameters<typeof act>[0]) => {
    if (!busy) void act(action);
  };
  return (
    <section className="hd-section" aria-labelledby="hd-actions-title">
      <h2 id="hd-actions-title">{t('helpdesk.actions.title')}</h2>
      {allowed.size === 0 ? <p className="hd-note">{t('helpdesk.actions.none')}</p> : null}
      {allowed.size > 0 && verification.required && !verification.verified && enrollment.lockoutGate.state === 'open' ? <p className="hd-note hd-warn">{t('helpdesk.actions.verifyFirst')}</p> : null}
      <div className="hd-actions">
        {allowed.has('unlock') && state.locked ? (
          <div className="hd-action">
            <Button icon="unlock" onClick={() => run({ call: 'helpdesk.unlock' })} data-action="unlock">
              {t('helpdesk.actions.unlock')}
            </Button>
          </div>
        ) : null}
        {allowed.has('resetPassword') ? (
          <div className="hd-action hd-action-reset">
            <Button variant="secondary" icon="key" onClick={() => run({ call: 'helpdesk.resetPassword', mustChange })} data-action="resetPassword">
              {t('helpdesk.actions.resetPassword')}
            </Button>
            <label className="checkbox">
              <input type="checkbox" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
              {t('helpdesk.actions.mustChange')}
            </label>
          </div>
        ) : null}
        {allowed.has('setPasswordNeverExpires') ? (
          <div className="hd-action">
            <Button variant="secondary" icon="clock" onClick={() => run({ call: 'helpdesk.setPasswordNeverExpires', neverExpires: !state.passwordNeverExpires })} data-action="setPasswordNeverExpires">
              {state.passwordNeverExpires ? t('helpdesk.actions.clearNeverExpires') : t('helpdesk.actions.setNeverExpires')}
            </Button>
          </div>
        ) : null}
        {allowed.has('setValidUntil') ? (
          <div className="hd-action hd-action-date">
            <div className="field">
              <label htmlFor={dateId}>{t('helpdesk.actions.validUntil')}</label>
              <input id={dateId} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
            </div>
            <Button variant="secondary" onClick={() => validUntil && run({ call: 'helpdesk.setValidUntil', validUntil: endOfDay(validUntil) })} aria-disabled={!validUntil || undefined}>
              {t('helpdesk.actions.setValidUntil')}
            </Button>
            {state.validUntil ? (
              <Button variant="ghost" onClick={() => run({ call: 'helpdesk.setValidUntil', validUntil: null })}>
                {t('helpdesk.actions.clearValidUntil')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {allowed.has('clearLockoutGate') && enrollment.lockoutGate.state !== 'open' ? (
          <div className="hd-action">
            <Button variant="secondary" icon="refresh" onClick={() => run({ call: 'helpdesk.clearLockoutGate' })} data-action="clearLockoutGate">
              {t('helpdesk.actions.clearLockoutGate')}
            </Button>
          </div>
        ) : null}
        {allowed.has('clearEnrollment') && enrollment.enrolled ? (
          confirmClear ? (
            <div className="hd-action hd-confirm" role="group" aria-labelledby={confirmId} ref={confirmRef}>
              <p id={confirmId} className="hd-warn">
                {t('helpdesk.actions.confirmClearEnrollment')}
              </p>
              <Button icon="cross" onClick={() => run({ call: 'helpdesk.clearEnrollment' })} data-action="clearEnrollment">
                {t('helpdesk.actions.clearEnrollment')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmClear(false)}>
                {t('helpdesk.actions.keep')}
              </Button>
            </div>
          ) : (
            <div className="hd-action">
              <Button variant="ghost" icon="cross" onClick={() => setConfirmClear(true)}>
                {t('helpdesk.actions.clearEnrollment')}
              </Button>
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
