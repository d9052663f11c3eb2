import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { StoreContext } from './state/context';
import { createSesameStore } from './state/store';
import { detectTransport } from './transport';
import './styles.css';

initI18n();
const store = createSesameStore(detectTransport());
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
