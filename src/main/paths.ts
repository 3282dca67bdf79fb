/**
 * Where the built main process finds what it loads by path: the sandboxed preload beside it, and the bundled
 * models (electron-builder's extraResources in a package, the repo otherwise).
 */
import { join } from 'node:path';

/** The preload bundle relative to the built main process (out/main → out/preload; electron.vite.config.ts). */
export const PRELOAD_SCRIPT = '../preload/index.cjs';

/** The extraResources folder (electron-builder.yml `to:`) that holds resources/models in a package. */
export const BUNDLED_MODELS_RESOURCE = 'models';

export function bundledModelsDir(packaged: boolean, resourcesPath: string, appPath: string): string {
  return packaged ? join(resourcesPath, BUNDLED_MODELS_RESOURCE) : join(appPath, 'resources/models');
}
