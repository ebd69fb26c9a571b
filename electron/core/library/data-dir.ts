import os from 'node:os';
import path from 'node:path';

const APP_NAME = 'Studyline';

/**
 * Electron's `userData` folder for the app "Studyline", computed without
 * Electron so that the CLI opens the same library as the desktop app.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  }
  // Like Chromium's GetXDGDirectory: any non-empty XDG_CONFIG_HOME wins.
  const base = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(base, APP_NAME);
}

/** The data folder to use: the --data flag, else STUDYLINE_DATA, else the app's own folder. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.STUDYLINE_DATA;
  return chosen ? path.resolve(chosen) : defaultDataDir(process.platform, env);
}
