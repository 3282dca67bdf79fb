/**
 * `electron-builder --linux dir` run programmatically on the real project and its electron-builder.yml, with
 * only what this machine needs changed: the Electron stand-in instead of a download, no native rebuild
 * (npmRebuild false: it downloads Electron's headers, and which files ship does not depend on it) and a
 * temporary output folder. Everything else, files, asarUnpack, extraResources and the fuses, is the shipped
 * configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archFromString, build, Platform, type AfterPackContext, type LinuxPackager } from 'electron-builder';
import { writeElectronStandIn } from './electron-stand-in';

/** The produced folder, as an installer would put it on disk. */
export interface PackagedApp {
  appOutDir: string;
  /** The renamed stand-in binary, with the fuses flipped. */
  executable: string;
  /** process.resourcesPath of the packaged app. */
  resourcesDir: string;
  /** app.getAppPath() of the packaged app. */
  asar: string;
  unpackedDir: string;
}

/** The Electron version the app is built against: package.json pins it exactly. */
export function pinnedElectronVersion(projectDir: string): string {
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = pkg.devDependencies.electron;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json pins no exact Electron version (devDependencies.electron is ${version})`);
  return version;
}

/**
 * Packages the project in `projectDir` (its out/ as built) into `workDir`/dist/linux-unpacked. Linux whatever
 * the host: the dir target needs no platform tools, Linux is where this runs (CI included), and the stand-in
 * is a Linux distribution.
 */
export async function packLinuxDir(projectDir: string, workDir: string): Promise<PackagedApp> {
  const electronVersion = pinnedElectronVersion(projectDir);
  const electronDist = join(workDir, 'electron-dist');
  await writeElectronStandIn(electronDist, electronVersion);
  let packed: AfterPackContext | undefined;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
    config: {
      electronDist,
      electronVersion,
      npmRebuild: false,
      directories: { output: join(workDir, 'dist') },
      // Runs before the fuses are flipped; only the paths are kept.
      afterPack: async (context) => {
        packed = context;
      },
    },
  });
  if (!packed) throw new Error('electron-builder finished without packaging the app');
  const resourcesDir = join(packed.appOutDir, 'resources');
  return {
    appOutDir: packed.appOutDir,
    executable: join(packed.appOutDir, (packed.packager as LinuxPackager).executableName),
    resourcesDir,
    asar: join(resourcesDir, 'app.asar'),
    unpackedDir: join(resourcesDir, 'app.asar.unpacked'),
  };
}
