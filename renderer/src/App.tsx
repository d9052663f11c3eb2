import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './components/icons';
import { switchLanguage } from './i18n';
import { Alert, Button, IdleWarning } from './components/ui';
import { helpdeskHash, useHelpdeskRoute } from './helpdesk/route';
import { StartScreen } from './screens/StartScreen';
import { useSesame } from './state/context';
import { useIdleTimeout } from './state/idle';
import type { Screen } from './state/store';

// Loaded on first use: a logon-screen kiosk never needs the help desk's code.
const HelpdeskApp = lazy(() => import('./helpdesk/HelpdeskApp'));

// Everything after the start screen; fetched right after the start screen is up (prefetchFlowScreens).
const loadFlowScreens = () => import('./screens/FlowScreens');
const FlowScreens = lazy(loadFlowScreens);

function CurrentScreen({ screen }: { screen: Screen }): ReactElement {
  const { t } = useTranslation();
  const turn = useSesame((s) => s.turn);
  const loading = (
    <div className="loading" role="status">
      <span className="spinner spinner-large" aria-hidden="true" />
      {t('app.loading')}
    </div>
  );
  switch (screen.name) {
    case 'loading':
      return loading;
    case 'start':
      return <StartScreen />;
    case 'username':
    case 'flow':
      return (
        <Suspense fallback={loading}>
          <FlowScreens flow={screen.flow} turn={turn} {...(screen.name === 'flow' ? { view: screen.view } : {})} />
        </Suspense>
      );
  }
}

export function App(): ReactElement {
  const { t } = useTranslation();
  const screen = useSesame((s) => s.screen);
  const busy = useSesame((s) => s.busy);
  const turn = useSesame((s) => s.turn);
  const notice = useSesame((s) => s.notice);
  const language = useSesame((s) => s.language);
  const info = useSesame((s) => s.info);
  const reset = useSesame((s) => s.reset);
  const init = useSesame((s) => s.init);
  const helpdesk = useHelpdeskRoute();

  useEffect(() => void init(), [init]);
  useEffect(() => {
    if (screen.name !== 'start') return;
    const prefetch = setTimeout(() => void loadFlowScreens(), 0);
    return () => clearTimeout(prefetch);
  }, [screen.name]);
  useEffect(() => {
    void switchLanguage(language).then(() => {
      document.documentElement.lang = language;
    });
  }, [language]);
  useEffect(() => {
    if (helpdesk) return; // the help desk titles its own page
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [t, language, helpdesk]);

  const inFlow = screen.name === 'username' || screen.name === 'flow';
  const finished = screen.name === 'flow' && (screen.view.step === 'done' || screen.view.step === 'failed');
  const idleActive = !helpdesk && screen.name !== 'loading' && (screen.name !== 'start' || language !== info?.languages.default);
  const idle = useIdleTimeout(info?.kiosk.idleTimeoutSeconds ?? 90, idleActive, reset);
  const flowName = inFlow ? t(`flowName.${screen.flow}`) : undefined;

  if (helpdesk) {
    return (
      <Suspense fallback={null}>
        <HelpdeskApp />
      </Suspense>
    );
  }
  return (
    <div className="app" data-screen={screen.name === 'flow' ? screen.view.step : screen.name} data-turn={turn} data-busy={busy || undefined}>
      {busy ? <div className="progress" role="progressbar" aria-label={t('app.working')} /> : null}
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="lock" size={22} />
          </span>
          <span className="brand-name">{t('app.name')}</span>
          {flowName ? <span className="brand-flow">{flowName}</span> : <span className="brand-tagline">{t('app.tagline')}</span>}
        </div>
        {inFlow && !finished ? (
          <Button variant="ghost" onClick={reset} icon="cross">
            {t('app.cancel')}
          </Button>
        ) : null}
      </header>
      <main className="content" id="main">
        <div className="card">
          {notice ? <Alert>{t(notice)}</Alert> : null}
          <CurrentScreen screen={screen} />
        </div>
      </main>
      <footer className="footer">
        {t('app.helpDesk')}
        {info?.kiosk.helpDeskOffered ? (
          <>
            {' '}
            <a className="footer-link" href={helpdeskHash}>
              {t('helpdesk.open')}
            </a>
          </>
        ) : null}
      </footer>
      <div className="sr-only" aria-live="polite">
        {busy ? t('app.working') : ''}
      </div>
      {idle.remaining !== undefined ? (
        <IdleWarning message={t('app.idleWarning', { seconds: idle.remaining })} stayLabel={t('app.stillHere')} onStay={idle.stay} />
      ) : null}
    </div>
  );
}
