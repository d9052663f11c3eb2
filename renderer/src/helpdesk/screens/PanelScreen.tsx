import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { useHelpdesk } from '../context';
import { HelpdeskPage } from '../ui';
import { AccountFacts, StatusBadges } from './AccountFacts';
import { ActionsSection } from './ActionsSection';
import { VerificationSection } from './VerificationSection';

export function PanelScreen(): ReactElement | null {
  const { t } = useTranslation();
  const panel = useHelpdesk((s) => s.panel);
  const toSearch = useHelpdesk((s) => s.toSearch);
  if (!panel) return null;
  const { user } = panel;
  return (
    <HelpdeskPage
      title={user.displayName ?? user.accountName}
      lead={
        <span className="hd-identity">
          <span>{user.accountName}</span>
          {user.mail ? <span>{user.mail}</span> : null}
        </span>
      }
      wide
    >
      <StatusBadges panel={panel} />
      <AccountFacts panel={panel} />
      {/* Verifying a caller serves only actions: an operator who may take none is not asked to. */}
      {panel.allowedActions.length > 0 ? <VerificationSection panel={panel} /> : null}
      {/* Keyed by the account's state: the form fields start from the fresh truth after every action. */}
      <ActionsSection key={JSON.stringify(panel.state)} panel={panel} />
      <div className="actions hd-back">
        <Button variant="ghost" icon="back" onClick={toSearch}>
          {t('helpdesk.panel.back')}
        </Button>
      </div>
    </HelpdeskPage>
  );
}
