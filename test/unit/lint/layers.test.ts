import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer map (eslint.config.js, README "## Layout") as `npm run lint` applies it: small snippets linted with the
 * project's own config at paths where they would live. Wrong-layer imports fail with the rule's message; the
 * imports each layer needs pass without any message.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: `${ROOT}/eslint.config.js` });

async function lint(filePath: string, code: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const RENDERER_MAY = 'src/renderer, src/core/api, src/core/preprocess, src/core/inference';
const SHELL_MAY = 'src/core/api, src/core/service, src/core/static, src/core/fs, src/core/workers';
const CORE_MAY_NOT = 'electron, vue, pinia, fabric, echarts, vue-echarts';

describe('layer rules (layers/imports)', () => {
  it.each([
    {
      what: 'the renderer importing core/training',
      filePath: 'src/renderer/src/train/presets.ts',
      code: "export { TrainingSession } from '../../../core/training/session';\n",
      message: `Bad layering: src/renderer (the UI, in a sandboxed page) may import only ${RENDERER_MAY}, not 'src/core/training/session'.`,
    },
    {
      what: 'a renderer component importing core/service',
      filePath: 'src/renderer/src/train/LayerProbe.vue',
      code: "<script setup lang=\"ts\">\nimport { ModelStore } from '../../../core/service/model-store';\nconsole.log(ModelStore);\n</script>\n\n<template><p /></template>\n",
      message: `Bad layering: src/renderer (the UI, in a sandboxed page) may import only ${RENDERER_MAY}, not 'src/core/service/model-store'.`,
    },
    {
      what: 'the renderer importing electron',
      filePath: 'src/renderer/src/main.ts',
      code: "export { ipcRenderer } from 'electron';\n",
      message: "Bad layering: src/renderer (the UI, in a sandboxed page) must not import electron, Node built-ins (node:*); 'electron' is one of them.",
    },
    {
      what: 'the preload importing core/service',
      filePath: 'src/preload/index.ts',
      code: "export type { AppService } from '../core/service/app-service';\n",
      message: "Bad layering: src/preload (a sandboxed preload's require knows only electron) may import only src/preload, src/core/api, not 'src/core/service/app-service'.",
    },
    {
      what: 'core/api importing core/training',
      filePath: 'src/core/api/contract.ts',
      code: "export type { TrainingResult } from '../training/session';\n",
      message: "Bad layering: src/core/api (the contract, also used by the renderer and the preload) may import only src/core/api, not 'src/core/training/session'.",
    },
    {
      what: 'core/preprocess importing node:fs',
      filePath: 'src/core/preprocess/strokes.ts',
      code: "export { readFileSync } from 'node:fs';\n",
      message: `Bad layering: src/core/preprocess (runs in the renderer) must not import ${CORE_MAY_NOT}, Node built-ins (node:*); 'node:fs' is one of them.`,
    },
    {
      what: 'core/inference importing a Node built-in without the node: prefix',
      filePath: 'src/core/inference/forward.ts',
      code: "export { join } from 'path';\n",
      message: `Bad layering: src/core/inference (runs in the renderer) must not import ${CORE_MAY_NOT}, Node built-ins (node:*); 'path' is one of them.`,
    },
    {
      what: 'src/main importing core/training/engine',
      filePath: 'src/main/index.ts',
      code: "export { loadEngine } from '../core/training/engine';\n",
      message: `Bad layering: src/main/index.ts (describes an opened .tflite file) may import only src/main, ${SHELL_MAY}, src/core/formats/tflite/inspect, not 'src/core/training/engine'.`,
    },
    {
      what: 'src/web importing core/formats',
      filePath: 'src/web/server.ts',
      code: "export { openModelFile } from '../core/formats/model-file';\n",
      message: `Bad layering: src/web (a thin shell over the AppService) may import only src/web, ${SHELL_MAY}, not 'src/core/formats/model-file'.`,
    },
    {
      what: 'core/workers reaching the workers it starts (it knows them only by path)',
      filePath: 'src/core/workers/start-worker.ts',
      code: "export type { WorkerInit } from '../training/worker-protocol';\n",
      message: `Bad layering: src/core/workers (starts any worker by name; every layer that starts one stands on it) may import only src/core/workers, not 'src/core/training/worker-protocol'.`,
    },
    {
      what: 'core importing electron',
      filePath: 'src/core/service/app-service.ts',
      code: "export { app } from 'electron';\n",
      message: `Bad layering: src/core (plain TypeScript shared by every shell) must not import ${CORE_MAY_NOT}; 'electron' is one of them.`,
    },
    {
      what: 'the TF.js layers format climbing to training for tfjs',
      filePath: 'src/core/formats/tfjs/layers-format.ts',
      code: "export { loadTrainingBackend } from '../../training/backend';\n",
      message:
        "Bad layering: src/core/formats may import only src/core/api, src/core/fs, src/core/dataset, src/core/preprocess, src/core/inference, src/core/tfjs, src/core/workers, src/core/formats, not 'src/core/training/backend'.",
    },
    {
      what: 'tfjs loading climbing to training',
      filePath: 'src/core/tfjs/model.ts',
      code: "export const load = () => import('../training/backend');\n",
      message: "Bad layering: src/core/tfjs may import only src/core/api, src/core/tfjs, not 'src/core/training/backend'.",
    },
  ])('refuses $what', async ({ filePath, code, message }) => {
    const messages = await lint(filePath, code);
    expect(messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message)).toEqual([message]);
  });

  it.each([
    {
      what: 'the renderer importing core/api, core/preprocess, core/inference, its own files and UI packages',
      filePath: 'src/renderer/src/train/presets.ts',
      code: [
        "export { PRESETS } from '../../../core/api/train-config';",
        "export { strokesToModelInput } from '../../../core/preprocess';",
        "export { argMax } from '../../../core/inference/forward';",
        "export { useTrainingStore } from '../stores/training';",
        "export { defineStore } from 'pinia';",
      ],
    },
    {
      what: 'a renderer component importing the contract',
      filePath: 'src/renderer/src/train/LayerProbe.vue',
      code: [
        '<script setup lang="ts">',
        "import { BACKEND_LABELS } from '../../../core/api/backends';",
        'console.log(BACKEND_LABELS);',
        '</script>',
        '',
        '<template><p /></template>',
      ],
    },
    {
      what: 'the preload importing core/api and electron',
      filePath: 'src/preload/index.ts',
      code: ["export type { DigitStudioApi } from '../core/api/contract';", "export { contextBridge } from 'electron';"],
    },
    {
      what: 'core/api importing its own files and zod',
      filePath: 'src/core/api/contract.ts',
      code: ["export { trainConfigSchema } from './train-config';", "export { z } from 'zod';"],
    },
    {
      what: 'src/main importing core/service, core/api, core/static, core/fs, electron and Node',
      filePath: 'src/main/window.ts',
      code: [
        "export { AppService } from '../core/service/app-service';",
        "export type { ApiEvent } from '../core/api/contract';",
        "export { readRendererFile } from '../core/static/renderer-files';",
        "export { writeFileAtomic } from '../core/fs/atomic-write';",
        "export { BrowserWindow } from 'electron';",
        "export { join } from 'node:path';",
      ],
    },
    {
      what: 'core/workers/bundled-files.ts naming a bundled worker file (its narrow exception)',
      filePath: 'src/core/workers/bundled-files.ts',
      code: ["export { default } from '../training/worker?modulePath';"],
    },
    {
      what: 'the shells, the service and the engines starting workers through core/workers',
      filePath: 'src/main/index.ts',
      code: ["export { useBundledWorkers } from '../core/workers/bundled-files';"],
    },
    {
      what: 'the engines reaching tfjs loading below them',
      filePath: 'src/core/formats/tfjs/layers-format.ts',
      code: ["export { loadBackend } from '../../tfjs/load';", "export { toTfModel } from '../../tfjs/model';"],
    },
  ])('allows $what', async ({ filePath, code }) => {
    expect(await lint(filePath, `${code.join('\n')}\n`)).toEqual([]);
  });
});
