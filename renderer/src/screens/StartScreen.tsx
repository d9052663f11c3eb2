import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowKind } from '../../../shared/flow';
import { Icon, type IconName } from '../components/icons';
import { Alert, Page } from '../components/ui';
import { languageNames } from '../i18n';
import { useSesame } from '../state/context';

export const startInteractiveMark = 'sesame:start-interactive';

const flowIcons: Record<FlowKind, IconName> = { forgotPassword: 'key', unlockAccount: 'unlock', changePassword: 'refresh', enroll: 'shield' };

export function StartScreen(): ReactElement {
  const { t } = useTranslation();
  const info = useSesame((s) => s.info);
  const language = useSesame((s) => s.language);
  const setLanguage = useSesame((s) => s.setLanguage);
  const choose = useSesame((s) => s.choose);
  const flows = info?.serviceAvailable ? info.kiosk.enabledFlows : [];
  const languages = info?.languages.available ?? ['en'];
  useEffect(() => {
    // Time to interactive of the start screen, read by `npm run bench` (renderer_tti_ratio).
    if (performance.getEntriesByName(startInteractiveMark).length === 0) performance.mark(startInteractiveMark);
  }, []);
  return (
    <Page title={t('start.title')} lead={t('start.lead')}>
      {flows.length === 0 ? <Alert>{t('start.outOfOrder')}</Alert> : null}
      <ul className="flow-list" aria-label={t('app.tagline')}>
        {flows.map((flow, index) => (
          <li key={flow}>
            <button type="button" className="flow-card" onClick={() => choose(flow)} data-autofocus={index === 0 ? true : undefined} data-flow={flow}>
              <span className={`flow-icon flow-icon-${flow}`}>
                <Icon name={flowIcons[flow]} size={28} />
              </span>
              <span className="flow-text">
                <span className="flow-title">{t(`start.flows.${flow}.title`)}</span>
                <span className="flow-description">{t(`start.flows.${flow}.description`)}</span>
              </span>
              <Icon name="arrow" className="flow-arrow" />
            </button>
          </li>
        ))}
      </ul>
      {languages.length > 1 ? (
        <div className="language-switch" role="group" aria-label={t('app.language')}>
          {languages.map((tag) => (
            <button key={tag} type="button" lang={tag} className="language-option" aria-pressed={tag === language} onClick={() => setLanguage(tag)}>
              {languageNames[tag]}
            </button>
          ))}
        </div>
      ) : null}
    </Page>
  );
}
