import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n, switchLanguage } from './i18n';
import { StoreContext } from './state/context';
import { createSesameStore } from './state/store';
import { detectTransport } from './transport';
import { bootstrapAppInfo } from './transport/bootstrap';
import './styles.css';

// Served by the Sesame host, the page carries app.info already; under Electron it is asked over IPC.
const info = window.sesame ? undefined : bootstrapAppInfo();
initI18n();
if (info && info.languages.default !== 'en') await switchLanguage(info.languages.default);
const store = createSesameStore(detectTransport(), info);
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
