/**
 * Node 20's V8 (11.3) implements WebAssembly relaxed SIMD but validates it only behind
 * --experimental-wasm-relaxed-simd; Chromium and Electron enable it by default. The flag is read when a module is
 * validated or compiled, so turning it on before the engine's first module lets the CLI and web mode use the
 * fused multiply-add build too. It only widens what validates: every module that validated before still does,
 * and a runtime that ignores the flag keeps the SIMD128 build.
 */
const FLAG = '--experimental-wasm-relaxed-simd';

/** Turns the flag on where this is Node and the runtime does not validate `relaxedModule` yet; true if it validates after. */
export async function enableRelaxedSimd(relaxedModule: Uint8Array, validate: (bytes: Uint8Array) => boolean): Promise<boolean> {
  if (validate(relaxedModule)) return true;
  if (!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) return false;
  const v8 = await import('node:v8');
  v8.setFlagsFromString(FLAG);
  return validate(relaxedModule);
}
