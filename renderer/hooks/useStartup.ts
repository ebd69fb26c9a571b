import { useEffect } from 'react';
import { connectAppEvents } from '../stores/app-events';
import { useLibraryActions } from '../stores/useLibraryStore';
import { useSyncActions } from '../stores/useSyncStore';

/** Loads the library once and listens to main's events for the app's lifetime. */
export function useStartup(): void {
  const { load } = useLibraryActions();
  const { connect } = useSyncActions();
  useEffect(() => {
    void load();
    const offSync = connect();
    const offApp = connectAppEvents();
    return () => {
      offSync();
      offApp();
    };
  }, [load, connect]);
}
