/**
 * Where training runs: native TensorFlow on an NVIDIA GPU (tfjs-node-gpu) or on the CPU (tfjs-node), Digit Studio's
 * own WebAssembly SIMD engine, tfjs WebAssembly, or tfjs plain JavaScript. Every run names its backend; these are
 * the words shown for each.
 */
/**
 * Also the order 'auto' loads them in: native TensorFlow on the GPU where @tensorflow/tfjs-node-gpu installed, else
 * on the CPU where @tensorflow/tfjs-node did, and the WebAssembly SIMD engine for every setting it covers (the two
 * race, training/backend-race.ts); only without either, tfjs WebAssembly (not for convolutional networks), then
 * plain JS.
 */
export const BACKENDS = ['tensorflow-gpu', 'tensorflow', 'engine', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_LABELS: Record<BackendName, string> = {
  'tensorflow-gpu': 'native TensorFlow on the GPU (tfjs-node-gpu)',
  tensorflow: 'native TensorFlow (tfjs-node)',
  engine: 'Digit Studio WebAssembly SIMD engine',
  wasm: 'TensorFlow.js WebAssembly',
  cpu: 'TensorFlow.js plain JavaScript',
};
