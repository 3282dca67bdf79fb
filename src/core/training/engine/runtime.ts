/**
 * Loads the engine's compiled module: the relaxed-SIMD build (fused multiply-add) where this runtime
 * validates it (Chromium ≥ 114; Node 20 only behind --experimental-wasm-relaxed-simd), else the SIMD128 build.
 */
import { ENGINE_BINARIES } from './binaries';
import { ENGINE_BUILDS, type EngineBuild } from './builds';

/** The part of the WebAssembly JS API the engine uses (the app's Node typings declare none of it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type WasmModule = { readonly __wasmModule: unique symbol };
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface EngineExports {
  memory: WasmMemory;
  heapBase(): number;
  trainStep(net: number, pixels: number, labels: number, order: number, n: number): void;
  evaluate(net: number, pixels: number, labels: number, order: number, n: number): void;
}

export interface EngineRuntime {
  build: EngineBuild;
  module: WasmModule;
}

export class EngineUnavailableError extends Error {}

export function engineBinary(build: EngineBuild): Uint8Array {
  return Uint8Array.from(atob(ENGINE_BINARIES[build]), (c) => c.charCodeAt(0));
}

/** The fastest build this runtime validates (the feature test is the module itself), or a specific one. */
export async function loadEngine(only?: EngineBuild): Promise<EngineRuntime> {
  for (const build of only ? [only] : ENGINE_BUILDS) {
    const bytes = engineBinary(build);
    if (wasm.validate(bytes)) return { build, module: await wasm.compile(bytes) };
  }
  throw new EngineUnavailableError(`this runtime lacks WebAssembly ${only === 'relaxed' ? 'relaxed SIMD' : 'SIMD'}`);
}

export function instantiate(runtime: EngineRuntime): EngineExports {
  return new wasm.Instance(runtime.module, {}).exports as EngineExports;
}
