/** The TTI baseline: the smallest Vite React page, marking when its one button is interactive. */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Blank() {
  useEffect(() => {
    performance.mark('blank:interactive');
  }, []);
  return <button type="button">Blank</button>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
);
