/**
 * The help desk at #/helpdesk: its own store and frame beside the self-service screens. Reached by URL
 * through the host; a kiosk links to it only when configured (appInfo.kiosk.helpDeskOffered).
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTags } from '../../../shared/app';
import { Icon } from '../components/icons';
import { Button, IdleWarning } from '../components/ui';
import { languageNames } from '../i18n';
import { useSesame } from '../state/context';
import { useIdleTimeout } from '../state/idle';
import { detectTransport } from '../transport';
import { HelpdeskContext, useHelpdesk } from './context';
import { ChallengeScreen } from './screens/ChallengeScreen';
import { PanelScreen } from './screens/PanelScreen';
import { ResetScreen } from './screens/ResetScreen';
import { SearchScreen } from './screens/SearchScreen';
import { SignInScreen } from './screens/SignInScreen';
import { createHelpdeskStore } from './store';
import './helpdesk.css';

const minOperatorIdleSeconds = 120;

function CurrentScreen(): ReactElement | null {
  const screen = useHelpdesk((s) => s.screen);
  switch (screen.name) {
    case 'signIn':
      return <SignInScreen />;
    case 'search':
      return <SearchScreen />;
    case 'panel':
      return <PanelScreen />;
    case 'challenge':
      return <ChallengeScreen key={screen.method} method={screen.method} questions={screen.questions} />;
    case 'passwordReset':
      return <ResetScreen temporaryPassword={screen.temporaryPassword} mustChange={screen.mustChange} />;
  }
}

function Frame(): ReactElement {
  const { t } = useTranslation();
  const screen = useHelpdesk((s) => s.screen);
  const busy = useHelpdesk((s) => s.busy);
  const turn = useHelpdesk((s) => s.turn);
  const operator = useHelpdesk((s) => s.operator);
  const signOut = useHelpdesk((s) => s.signOut);
  const language = useSesame((s) => s.language);
  const setLanguage = useSesame((s) => s.setLanguage);
  const available = useSesame((s) => s.info?.languages.available) ?? [...languageTags];
  const kioskIdleSeconds = useSesame((s) => s.info?.kiosk.idleTimeoutSeconds) ?? 90;
  // An operator who walks away is signed out: the panel shows personal data (a phone call may be slow, hence the floor).
  const signOutOnIdle = useCallback(() => void signOut(), [signOut]);
  const idle = useIdleTimeout(Math.max(kioskIdleSeconds, minOperatorIdleSeconds), operator !== undefined, signOutOnIdle);
  useEffect(() => {
    document.title = `${t('helpdesk.name')} · ${t('app.name')}`;
  }, [t, language]);
  return (
    <div className="app hd-app" data-helpdesk-screen={screen.name} data-turn={turn} data-busy={busy || undefined}>
      {busy ? <div className="progress" role="progressbar" aria-label={t('app.working')} /> : null}
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="shield" size={22} />
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-flow">{t('helpdesk.name')}</span>
        </div>
        <div className="hd-topbar-end">
          {operator ? (
            <>
              <span className="hd-operator">{t('helpdesk.signedInAs', { name: operator.displayName ?? operator.accountName })}</span>
              <Button variant="ghost" icon="cross" onClick={() => void signOut()}>
                {t('helpdesk.signOut')}
              </Button>
            </>
          ) : null}
        </div>
      </header>
      <main className="content" id="main">
        <div className="card hd-card">
          <CurrentScreen />
        </div>
      </main>
      <footer className="footer">
        <nav className="hd-languages" aria-label={t('app.language')}>
          {available.map((tag) => (
            <button key={tag} type="button" className="hd-language" lang={tag} aria-pressed={tag === language} onClick={() => setLanguage(tag)}>
              {languageNames[tag]}
            </button>
          ))}
        </nav>
      </footer>
      <div className="sr-only" aria-live="polite">
        {busy ? t('app.working') : ''}
      </div>
      {idle.remaining !== undefined ? (
        <IdleWarning message={t('helpdesk.idleWarning', { seconds: idle.remaining })} stayLabel={t('app.stillHere')} onStay={idle.stay} />
      ) : null}
    </div>
  );
}

export default function HelpdeskApp(): ReactElement {
  // One store per page: signing out (or reloading) forgets everything the operator saw.
  const [transport] = useState(detectTransport);
  const [store] = useState(() => createHelpdeskStore(transport));
  const language = useSesame((s) => s.language);
  // Questions read out to the caller come back in the operator's language.
  useEffect(() => transport.setLanguage(language), [transport, language]);
  return (
    <HelpdeskContext.Provider value={store}>
      <Frame />
    </HelpdeskContext.Provider>
  );
}
