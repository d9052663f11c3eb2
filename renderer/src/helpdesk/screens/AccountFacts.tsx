/** The account panel's facts: the directory's account state and Sesame's enrollment, as definition lists. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountPanelView } from '../../../../shared/helpdesk';
import { useDateFormat } from '../ui';

function Fact({ label, value, tone }: { label: string; value: string; tone?: 'bad' | 'ok' }): ReactElement {
  return (
    <div className="hd-fact">
      <dt>{label}</dt>
      <dd className={tone ? `hd-${tone}` : undefined}>{value}</dd>
    </div>
  );
}

export function StatusBadges({ panel }: { panel: AccountPanelView }): ReactElement {
  const { t } = useTranslation();
  const { state } = panel;
  const badges: [string, 'ok' | 'bad'][] = [[state.usable ? t('helpdesk.panel.usable') : t('helpdesk.panel.notUsable'), state.usable ? 'ok' : 'bad']];
  if (state.locked) badges.push([t('helpdesk.panel.locked'), 'bad']);
  if (state.disabled) badges.push([t('helpdesk.panel.disabled'), 'bad']);
  if (state.accountExpired) badges.push([t('helpdesk.panel.expired'), 'bad']);
  if (state.passwordExpired) badges.push([t('helpdesk.panel.passwordExpired'), 'bad']);
  return (
    <ul className="hd-badges" aria-label={t('helpdesk.panel.state')}>
      {badges.map(([text, tone]) => (
        <li key={text} className={`hd-badge hd-badge-${tone}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}

export function AccountFacts({ panel }: { panel: AccountPanelView }): ReactElement {
  const { t } = useTranslation();
  const date = useDateFormat();
  const { state, enrollment } = panel;
  const yesNo = (value: boolean) => (value ? t('helpdesk.panel.yes') : t('helpdesk.panel.no'));
  const unknown = t('helpdesk.panel.unknown');
  const gate = enrollment.lockoutGate;
  return (
    <div className="hd-facts">
      <section aria-labelledby="hd-state-title">
        <h2 id="hd-state-title">{t('helpdesk.panel.state')}</h2>
        <dl>
          <Fact label={t('helpdesk.panel.fields.validUntil')} value={date(state.validUntil) ?? t('helpdesk.panel.noEnd')} />
          <Fact label={t('helpdesk.panel.fields.lastLogin')} value={date(state.lastSuccessfulLogin) ?? unknown} />
          <Fact label={t('helpdesk.panel.fields.failures')} value={state.failureCount === undefined ? unknown : String(state.failureCount)} tone={state.failureCount ? 'bad' : undefined} />
          <Fact
            label={t('helpdesk.panel.fields.lockedUntil')}
            value={state.locked ? (date(state.lockedUntil) ?? t('helpdesk.panel.indefinitely')) : t('helpdesk.panel.no')}
            tone={state.locked ? 'bad' : undefined}
          />
          <Fact label={t('helpdesk.panel.fields.neverExpires')} value={yesNo(state.passwordNeverExpires)} />
          <Fact label={t('helpdesk.panel.fields.mustChange')} value={yesNo(state.mustChange)} />
          <Fact label={t('helpdesk.panel.fields.passwordChangedAt')} value={date(state.passwordChangedAt) ?? unknown} />
          <Fact label={t('helpdesk.panel.fields.passwordExpiresAt')} value={date(state.passwordExpiresAt) ?? t('helpdesk.panel.never')} />
        </dl>
      </section>
      <section aria-labelledby="hd-enrollment-title">
        <h2 id="hd-enrollment-title">{t('helpdesk.panel.enrollment')}</h2>
        <dl>
          <Fact label={t('helpdesk.panel.fields.answers')} value={enrollment.answers > 0 ? t('helpdesk.panel.answersCount', { count: enrollment.answers }) : t('helpdesk.panel.no')} />
          <Fact label={t('helpdesk.panel.fields.totp')} value={yesNo(enrollment.totp)} />
          <Fact
            label={t('helpdesk.panel.fields.gate')}
            value={t(`helpdesk.panel.gateState.${gate.state}`, { failures: gate.failures, until: date(gate.until) ?? '' })}
            tone={gate.state === 'open' ? undefined : 'bad'}
          />
        </dl>
      </section>
    </div>
  );
}
