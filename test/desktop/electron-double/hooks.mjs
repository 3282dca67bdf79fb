// Module resolution hook for the built main process under test: the bare specifier `electron` (and
// `electron/main`) resolves to the recording double beside this file; everything else resolves as usual.
const DOUBLE = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: DOUBLE, shortCircuit: true };
  return nextResolve(specifier, context);
}
