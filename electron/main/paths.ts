import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface AppPathInputs {
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
  /** The folder of the built main script (out/main). */
  mainDir: string;
  /** app.getPath('userData'). */
  userData: string;
}

export interface AppPaths {
  /** The built renderer, served as studyline://app/. */
  rendererDir: string;
  preloadPath: string;
  /** The bundled worker that parses feed pages off the main thread (built next to main). */
  pageWorkerEntry: string;
  /** The course catalog; undefined lets the core use the copy bundled into it. */
  catalogPath?: string;
  iconPath?: string;
  /** The learner's library (the CLI's default data folder is the same). */
  dataDir: string;
  assetsDir: string;
  windowStateFile: string;
}

/**
 * Where things are, in development (`electron-vite preview/dev`, run from the
 * project root) and packaged (asar + extraResources). The renderer and preload
 * are found next to the built main script, so both cases share one rule.
 */
export function resolveAppPaths(inputs: AppPathInputs): AppPaths {
  const resources = inputs.isPackaged ? inputs.resourcesPath : join(inputs.appPath, 'resources');
  const catalog = join(resources, 'catalog.json');
  const icon = join(resources, 'icon.png');
  return {
    rendererDir: resolve(inputs.mainDir, '..', 'renderer'),
    preloadPath: resolve(inputs.mainDir, '..', 'preload', 'index.cjs'),
    pageWorkerEntry: resolve(inputs.mainDir, 'page-worker.js'),
    catalogPath: existsSync(catalog) ? catalog : undefined,
    iconPath: existsSync(icon) ? icon : undefined,
    dataDir: inputs.userData,
    assetsDir: join(inputs.userData, 'assets'),
    windowStateFile: join(inputs.userData, 'window-state.json'),
  };
}
