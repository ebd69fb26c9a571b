import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../electron/main/paths';

const root = mkdtempSync(join(tmpdir(), 'studyline-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const project = join(root, 'project');
mkdirSync(join(project, 'resources'), { recursive: true });
writeFileSync(join(project, 'resources', 'catalog.json'), '{}');
writeFileSync(join(project, 'resources', 'icon.png'), '');
const installed = join(root, 'opt', 'Studyline', 'resources');
mkdirSync(installed, { recursive: true });
writeFileSync(join(installed, 'catalog.json'), '{}');

describe('resolveAppPaths', () => {
  it('finds everything in the project when run with electron-vite', () => {
    const paths = resolveAppPaths({
      isPackaged: false,
      appPath: project,
      resourcesPath: '/usr/lib/electron/resources',
      mainDir: join(project, 'out', 'main'),
      userData: join(root, 'config', 'Studyline'),
    });
    expect(paths).toEqual({
      rendererDir: join(project, 'out', 'renderer'),
      preloadPath: join(project, 'out', 'preload', 'index.cjs'),
      pageWorkerEntry: join(project, 'out', 'main', 'page-worker.js'),
      catalogPath: join(project, 'resources', 'catalog.json'),
      iconPath: join(project, 'resources', 'icon.png'),
      dataDir: join(root, 'config', 'Studyline'),
      assetsDir: join(root, 'config', 'Studyline', 'assets'),
      windowStateFile: join(root, 'config', 'Studyline', 'window-state.json'),
    });
  });

  it('reads the renderer from the asar and the catalog from the resources folder when packaged', () => {
    const asar = join(installed, 'app.asar');
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: asar,
      resourcesPath: installed,
      mainDir: join(asar, 'out', 'main'),
      userData: join(root, 'config', 'Studyline'),
    });
    expect(paths.rendererDir).toBe(join(asar, 'out', 'renderer'));
    expect(paths.preloadPath).toBe(join(asar, 'out', 'preload', 'index.cjs'));
    expect(paths.pageWorkerEntry).toBe(join(asar, 'out', 'main', 'page-worker.js'));
    expect(paths.catalogPath).toBe(join(installed, 'catalog.json'));
    expect(paths.iconPath).toBeUndefined();
  });

  it("falls back to the core's bundled catalog when the file is missing", () => {
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: join(root, 'nowhere', 'app.asar'),
      resourcesPath: join(root, 'nowhere'),
      mainDir: join(root, 'nowhere', 'app.asar', 'out', 'main'),
      userData: join(root, 'config'),
    });
    expect(paths.catalogPath).toBeUndefined();
  });
});
