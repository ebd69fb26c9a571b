import { StateMessage } from './components/StateMessage';
import { Toast } from './components/Toast';
import { UndoBar } from './components/UndoBar';
import { useTheme } from './hooks/useTheme';
import { errorText } from './lib/error-text';
import { useCatalog, useLibrary } from './queries/library';
import { useUiStore } from './stores/useUiStore';
import { FirstSyncView } from './views/FirstSyncView';
import { LibraryView } from './views/LibraryView';
import { WelcomeView } from './views/WelcomeView';

/** Chooses the screen: welcome for an empty library, the first sync, or the library. */
export function App() {
  useTheme();
  const library = useLibrary();
  const catalog = useCatalog();
  const screen = useUiStore((s) => s.screen);

  if (library.isPending || catalog.isPending) {
    return (
      <main className="app-state">
        <StateMessage tone="loading" title="Opening your library…" />
      </main>
    );
  }
  if (library.isError || catalog.isError) {
    const retry = (
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          void library.refetch();
          void catalog.refetch();
        }}
      >
        Try again
      </button>
    );
    return (
      <main className="app-state">
        <StateMessage tone="error" title="Your library could not be opened" action={retry}>
          {errorText(library.error ?? catalog.error)}
        </StateMessage>
      </main>
    );
  }
  const hasCourses = library.data.courses.length > 0;
  const shown = screen ?? (hasCourses ? 'library' : 'welcome');
  let view = <LibraryView />;
  if (shown === 'first-sync') view = <FirstSyncView />;
  else if (shown === 'welcome' || !hasCourses) view = <WelcomeView />;
  return (
    <>
      {view}
      {/* Above every screen: undoing "stop following" may happen from the welcome screen. */}
      <UndoBar />
      <Toast />
    </>
  );
}
