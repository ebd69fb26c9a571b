import { StateMessage } from './components/StateMessage';
import { useStartup } from './hooks/useStartup';
import { useTheme } from './hooks/useTheme';
import { useLibraryActions, useLibraryStore } from './stores/useLibraryStore';
import { useUiStore } from './stores/useUiStore';
import { FirstSyncView } from './views/FirstSyncView';
import { LibraryView } from './views/LibraryView';
import { WelcomeView } from './views/WelcomeView';

/** Chooses the screen: welcome for an empty library, the first sync, or the library. */
export function App() {
  useStartup();
  useTheme();
  const loadState = useLibraryStore((s) => s.loadState);
  const loadError = useLibraryStore((s) => s.loadError);
  const hasCourses = useLibraryStore((s) => s.courses.length > 0);
  const screen = useUiStore((s) => s.screen);
  const { load } = useLibraryActions();

  if (loadState === 'loading') {
    return (
      <main className="app-state">
        <StateMessage tone="loading" title="Opening your library…" />
      </main>
    );
  }
  if (loadState === 'error') {
    const retry = (
      <button type="button" className="button button-primary" onClick={() => void load()}>
        Try again
      </button>
    );
    return (
      <main className="app-state">
        <StateMessage tone="error" title="Your library could not be opened" action={retry}>
          {loadError}
        </StateMessage>
      </main>
    );
  }
  const shown = screen ?? (hasCourses ? 'library' : 'welcome');
  if (shown === 'first-sync') return <FirstSyncView />;
  if (shown === 'welcome' || !hasCourses) return <WelcomeView />;
  return <LibraryView />;
}
