import { useEffect } from 'react';
import { connectAppEvents } from '../stores/app-events';
import { useLibraryActions } from '../stores/useLibraryStore';
import { useSettingsActions } from '../stores/useSettingsStore';
import { useSyncActions } from '../stores/useSyncStore';

/** Loads the library and the settings once and listens to main's events for the app's lifetime. */
export function useStartup(): void {
  const { load } = useLibraryActions();
  const { load: loadSettings } = useSettingsActions();
  const { connect } = useSyncActions();
  useEffect(() => {
    void load();
    void loadSettings();
    let offs: (() => void)[] = [];
    try {
      offs = [connect(), connectAppEvents()];
    } catch {
      // No bridge (a broken preload): load() already shows that as the library's error, in words.
    }
    return () => offs.forEach((off) => off());
  }, [load, loadSettings, connect]);
}
