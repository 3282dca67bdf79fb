/** Where the app finds its bundled models: electron-builder's extraResources in a package, the repo otherwise. */
import { join } from 'node:path';

/** The extraResources folder (electron-builder.yml `to:`) that holds resources/models in a package. */
export const BUNDLED_MODELS_RESOURCE = 'models';

export function bundledModelsDir(packaged: boolean, resourcesPath: string, appPath: string): string {
  return packaged ? join(resourcesPath, BUNDLED_MODELS_RESOURCE) : join(appPath, 'resources/models');
}
