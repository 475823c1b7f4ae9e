import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './app/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

/**
 * In development the demo cloud runs in a service worker, and it must intercept before the
 * first render: a query sent earlier would reach Vite's dev server, which answers unknown paths
 * with index.html and 200. `import.meta.env.DEV` is a constant, so the production build drops
 * this import and carries no mocking library.
 */
async function startDemoCloud(): Promise<void> {
  if (import.meta.env.DEV) {
    const { startDemoWorker } = await import('./mocks/browser.ts');
    await startDemoWorker();
  }
}

startDemoCloud().then(
  () => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Fail loudly: a console running without its demo cloud would show Vite's index.html as
    // OCCI answers.
    console.error('The demo cloud (service worker) did not start:', error);
    root.textContent = `The demo cloud did not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);
