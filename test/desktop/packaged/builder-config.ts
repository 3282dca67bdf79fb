/**
 * electron-builder.yml as electron-builder reads it, with the libraries it reads it with: app-builder-lib's own
 * js-yaml (and, for callers, its @electron/asar and minimatch), which are not dependencies of this project.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../built-app';

/** `require` as app-builder-lib sees it, for the packages electron-builder itself uses. */
export const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));

export interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  fileAssociations: Array<{ ext: string; name: string }>;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: string; icon: string };
}

export function readBuilderConfig(): BuilderConfig {
  const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}
