import { useEffect } from 'react';
import { useSettings } from '../queries/settings';

/**
 * The learner's theme choice on the root element: the colours in theme.css
 * follow `color-scheme`, which is the OS's unless the learner picked one.
 */
export function useTheme(): void {
  const theme = useSettings().settings?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
