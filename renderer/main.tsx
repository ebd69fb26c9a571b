// First of all: the first screen's requests leave while the rest of the script is evaluated.
import './queries/first-requests';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, OPENING_SAYS_AFTER_MS } from './App';
import { prepareRelativeTime } from './lib/dates';
import { prepareSanitizer } from './lib/sanitize-email';
import { createQueryClient } from './queries/client';
import { connectEvents } from './queries/events';
import { startFirstReads } from './queries/first-reads';
import { useUiStore } from './stores/useUiStore';
import './styles/index.css';

const queryClient = createQueryClient();
let firstScreen: Promise<void> = Promise.resolve();
try {
  // Before the first render: the window listens (and says it is ready) as soon as it can.
  connectEvents(queryClient, useUiStore.getState().actions.reveal);
  firstScreen = startFirstReads(queryClient);
} catch {
  // No bridge (a broken preload): the library's first read says so, in words.
}

// While the first reads are in flight the page waits for them: the first date or time
// formatted loads the locale's data (~20 ms here), done now rather than in the first
// screen's drawing or, as an idle callback did, just as the answers arrive.
prepareRelativeTime();
requestIdleCallback(() => prepareSanitizer());

/**
 * React first draws the screen the learner will see, once the library, the catalog and the
 * shown course's list have answered (or when the window would start saying it is still
 * opening), not an empty "opening" screen before it: drawing and mounting that one took the
 * main thread just as the answers came in, and held the list back on a busy machine.
 */
const firstDrawing = Promise.race([
  firstScreen,
  new Promise((done) => setTimeout(done, OPENING_SAYS_AFTER_MS - performance.now())),
]);

const root = document.getElementById('root');
if (root) {
  void firstDrawing.then(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
