/**
 * Loads the engine's compiled module: the relaxed-SIMD build (fused multiply-add) where this runtime
 * validates it (Chromium ≥ 114; Node 20 once relaxed-simd.ts has set V8's flag), else the SIMD128 build;
 * for two workers, its twin that runs on a shared memory.
 */
import { ENGINE_BINARIES } from './binaries';
import { ENGINE_BUILDS, SHARED_MAX_PAGES, type EngineBuild, type EngineMemory } from './builds';
import { enableRelaxedSimd } from './relaxed-simd';

/** The part of the WebAssembly JS API the engine uses (the app's Node typings declare none of it). */
export interface WasmMemory {
  /** A SharedArrayBuffer for a shared memory. */
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type WasmModule = { readonly __wasmModule: unique symbol };
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface EngineExports {
  memory: WasmMemory;
  heapBase(): number;
  trainStep(net: number, pixels: number, labels: number, order: number, n: number): void;
  gradientStep(net: number, pixels: number, labels: number, order: number, n: number, batch: number): void;
  applyGradients(net: number, partner: number, start: number, end: number): void;
  evaluate(net: number, pixels: number, labels: number, order: number, n: number): void;
}

export interface EngineRuntime {
  build: EngineBuild;
  memory: EngineMemory;
  module: WasmModule;
}

export class EngineUnavailableError extends Error {}

export function engineBinary(build: EngineBuild, memory: EngineMemory = 'own'): Uint8Array {
  return Uint8Array.from(atob(ENGINE_BINARIES[build][memory]), (c) => c.charCodeAt(0));
}

/**
 * The fastest build this runtime validates (the feature test is the module itself), or a specific one. In Node the
 * relaxed-SIMD build is enabled first (relaxed-simd.ts).
 */
export async function loadEngine(only?: EngineBuild): Promise<EngineRuntime> {
  if (only !== 'simd') await enableRelaxedSimd(engineBinary('relaxed'), (bytes) => wasm.validate(bytes));
  for (const build of only ? [only] : ENGINE_BUILDS) {
    const bytes = engineBinary(build);
    if (wasm.validate(bytes)) return { build, memory: 'own', module: await wasm.compile(bytes) };
  }
  throw new EngineUnavailableError(`this runtime lacks WebAssembly ${only === 'relaxed' ? 'relaxed SIMD' : 'SIMD'}`);
}

/** The same build for instances on a shared memory. */
export async function loadSharedEngine(runtime: EngineRuntime): Promise<EngineRuntime> {
  const bytes = engineBinary(runtime.build, 'shared');
  if (!wasm.validate(bytes)) throw new EngineUnavailableError('this runtime lacks WebAssembly threads (shared memory)');
  return { build: runtime.build, memory: 'shared', module: await wasm.compile(bytes) };
}

/** An empty shared memory for instantiate(); it grows as the network is laid out. */
export function createSharedMemory(): WasmMemory {
  return new wasm.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true });
}

/** An instance with its own memory, or, for a shared runtime, on the given shared memory. */
export function instantiate(runtime: EngineRuntime, memory?: WasmMemory): EngineExports {
  return new wasm.Instance(runtime.module, memory ? { env: { memory } } : {}).exports as EngineExports;
}
