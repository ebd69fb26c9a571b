import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prepareRelativeTime } from './lib/dates';
import { prepareSanitizer } from './lib/sanitize-email';
import { createQueryClient } from './queries/client';
import { connectEvents } from './queries/events';
import { startFirstReads } from './queries/first-reads';
import { useUiStore } from './stores/useUiStore';
import './styles/index.css';

const queryClient = createQueryClient();
try {
  // Before the first render: the window listens (and says it is ready) as soon as it can.
  connectEvents(queryClient, useUiStore.getState().actions.reveal);
  startFirstReads(queryClient);
} catch {
  // No bridge (a broken preload): the library's first read says so, in words.
}

// While the first reads are in flight the page is idle: the costly formatter is built then,
// and the sanitizer set up.
requestIdleCallback(() => prepareRelativeTime());
requestIdleCallback(() => prepareSanitizer());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
