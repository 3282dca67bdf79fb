import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import layers from './build/eslint-layers.js';

/**
 * The layer map (README, "## Layout"), checked by the `layers/imports` rule (build/eslint-layers.js) as VS Code's
 * local/code-layering checks its layers. A file belongs to the longest entry its path starts with: it may import
 * project files only from `may`, and none of the packages in `mayNot`.
 */
const UI = ['electron', 'vue', 'pinia', 'fabric', 'echarts', 'vue-echarts'];
const NODE = 'node:'; // every Node built-in
const RENDERER_CORE = ['src/core/api', 'src/core/preprocess', 'src/core/inference'];
const SHELL_CORE = ['src/core/api', 'src/core/service', 'src/core/static', 'src/core/fs', 'src/core/workers'];
/** What the engines (formats, training) stand on; neither imports the other, nor the service above them. */
const ENGINE_BASE = ['src/core/api', 'src/core/fs', 'src/core/dataset', 'src/core/preprocess', 'src/core/inference', 'src/core/tfjs', 'src/core/workers'];
/** The worker entry files electron-vite bundles (?modulePath); only core/workers/bundled-files.ts names them. */
const WORKER_ENTRIES = [
  'src/core/training/worker',
  'src/core/training/augment/worker',
  'src/core/training/engine/helper-worker',
  'src/core/formats/hdf5/read-worker',
  'src/core/service/job-worker',
];
/** A .tflite file opened from the desktop is only described, never imported: the library holds no .tflite models. */
const DESCRIBES_TFLITE = { why: 'describes an opened .tflite file', may: ['src/main', ...SHELL_CORE, 'src/core/formats/tflite/inspect'] };
const LAYERS = [
  { layer: 'src/renderer', why: 'the UI, in a sandboxed page', may: ['src/renderer', ...RENDERER_CORE], mayNot: ['electron', NODE] },
  { layer: 'src/preload', why: "a sandboxed preload's require knows only electron", may: ['src/preload', 'src/core/api'], mayNot: [NODE] },
  { layer: 'src/main', why: 'a thin shell over the AppService', may: ['src/main', ...SHELL_CORE] },
  { layer: 'src/web', why: 'a thin shell over the AppService', may: ['src/web', ...SHELL_CORE] },
  { layer: 'src/cli', may: ['src/cli', 'src/core'] },
  { layer: 'src/core', why: 'plain TypeScript shared by every shell', may: ['src/core'], mayNot: UI },
  { layer: 'src/core/api', why: 'the contract, also used by the renderer and the preload', may: ['src/core/api'], mayNot: [...UI, NODE] },
  { layer: 'src/core/preprocess', why: 'runs in the renderer', may: RENDERER_CORE, mayNot: [...UI, NODE] },
  { layer: 'src/core/inference', why: 'runs in the renderer', may: RENDERER_CORE, mayNot: [...UI, NODE] },
  { layer: 'src/core/tfjs', may: ['src/core/api', 'src/core/tfjs'], mayNot: UI },
  { layer: 'src/core/formats', may: [...ENGINE_BASE, 'src/core/formats'], mayNot: UI },
  { layer: 'src/core/training', may: [...ENGINE_BASE, 'src/core/training'], mayNot: UI },
  { layer: 'src/core/workers', why: 'starts any worker by name; every layer that starts one stands on it', may: ['src/core/workers'], mayNot: UI },
  // Narrow exceptions, one file each.
  { layer: 'src/core/preprocess/png.ts', why: "the CLI's PNG file reader, left out of tsconfig.web.json", may: [...RENDERER_CORE, 'src/core/fs'], mayNot: UI },
  {
    layer: 'src/core/inference/evaluate.ts',
    why: 'scores a test set in Node (CLI, jobs, training), left out of tsconfig.web.json',
    may: [...RENDERER_CORE, 'src/core/dataset'],
    mayNot: [...UI, NODE],
  },
  { layer: 'src/core/workers/bundled-files.ts', why: 'names the worker files electron-vite bundles', may: ['src/core/workers', ...WORKER_ENTRIES], mayNot: UI },
  { layer: 'src/main/index.ts', ...DESCRIBES_TFLITE },
  { layer: 'src/main/open-file.ts', ...DESCRIBES_TFLITE },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'resources/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{js,ts,vue}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', LAYERS] },
  },
);
