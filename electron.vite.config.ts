import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload is a plain CommonJS script whose `require` knows only `electron`: bundle everything
    // else in (externalizeDeps off), one file, no chunks (Electron's ESM doc: ESM preloads are unsupported in
    // sandboxed renderers; electron-vite's isolatedEntries note says the same).
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [vue()],
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  },
});
