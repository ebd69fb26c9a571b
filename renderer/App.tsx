import { StateMessage } from './components/StateMessage';
import { Toast } from './components/Toast';
import { UndoBar } from './components/UndoBar';
import { useTheme } from './hooks/useTheme';
import { useEffect, useRef, useState } from 'react';
import { errorText } from './lib/error-text';
import { keepFocusAfterChange } from './lib/focus';
import { useCatalog, useLibrary } from './queries/library';
import { useUiStore } from './stores/useUiStore';
import { FirstSyncView } from './views/FirstSyncView';
import { LibraryView } from './views/LibraryView';
import { WelcomeView } from './views/WelcomeView';

/**
 * A new screen replaces whatever held the focus (a menu item, a form's button):
 * the focus then goes somewhere sensible instead of falling to the page body.
 * Not on the first screen: the window starts where a page does (the library's
 * due email takes the focus by itself; the welcome screen's heading is no place
 * for a focus ring before the learner has done anything).
 */
function FocusAfterScreenChange({ screen }: { screen: string }) {
  const shown = useRef(screen);
  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    keepFocusAfterChange();
  }, [screen]);
  return null;
}

/** How long the library may take to open, from the page's start, before the window says so. */
export const OPENING_SAYS_AFTER_MS = 400;

/**
 * "Opening your library…", once opening takes long enough to notice. Before
 * that the window stays empty: a message shown for a moment only flashes, and
 * drawing it costs the first screen time on a slow machine. Counted from the
 * page's start: the window first draws only then, if the library is slow.
 */
function OpeningLibrary() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const wait = Math.max(0, OPENING_SAYS_AFTER_MS - performance.now());
    const timer = setTimeout(() => setSlow(true), wait);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className="app-state" aria-busy="true">
      {slow && <StateMessage tone="loading" title="Opening your library…" />}
    </main>
  );
}

/** Chooses the screen: welcome for an empty library, the first sync, or the library. */
export function App() {
  useTheme();
  const library = useLibrary();
  const catalog = useCatalog();
  const screen = useUiStore((s) => s.screen);

  if (library.isPending || catalog.isPending) return <OpeningLibrary />;
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
  const name =
    shown === 'first-sync' ? shown : shown === 'welcome' || !hasCourses ? 'welcome' : 'library';
  const view = {
    'first-sync': <FirstSyncView />,
    welcome: <WelcomeView />,
    library: <LibraryView />,
  }[name];
  return (
    <>
      {view}
      <FocusAfterScreenChange screen={name} />
      {/* Above every screen: undoing "stop following" may happen from the welcome screen. */}
      <UndoBar />
      <Toast />
    </>
  );
}
