/**
 * Where training runs: native TensorFlow (tfjs-node), Digit Studio's own WebAssembly SIMD engine, tfjs
 * WebAssembly, or tfjs plain JavaScript. Every run names its backend; these are the words shown for each.
 */
/**
 * Also the order 'auto' tries them in, fastest first: native TensorFlow where @tensorflow/tfjs-node installed, then
 * the WebAssembly SIMD engine for every setting it covers, then tfjs WebAssembly, then plain JS.
 */
export const BACKENDS = ['tensorflow', 'engine', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_LABELS: Record<BackendName, string> = {
  tensorflow: 'native TensorFlow (tfjs-node)',
  engine: 'Digit Studio WebAssembly SIMD engine',
  wasm: 'TensorFlow.js WebAssembly',
  cpu: 'TensorFlow.js plain JavaScript',
};
