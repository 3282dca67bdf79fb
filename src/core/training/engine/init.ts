/**
 * Seeded initial weights, the same numbers tfjs draws for the tfjs path (src/core/tfjs/model.ts builds layer i
 * with tf.initializers.glorotUniform({ seed: seed + i }) and zero biases), so that a seed starts both engines
 * from identical weights. tfjs draws them with seedrandom's Alea generator, reproduced here.
 */
import { layerSummaries, type LayerSpec } from '../../api/layer-model';
import type { DenseWeights } from '../../api/model-spec';

/** Baagoe's Mash hash, as seedrandom seeds Alea with it. */
function createMash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
}

/** seedrandom.alea(seed): uniform numbers in [0, 1). */
export function alea(seed: string): () => number {
  const mash = createMash();
  let c = 1;
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
}

/**
 * Keras glorot_uniform (uniform in ±sqrt(6 / (fan_in + fan_out))) seeded per layer with weights as tfjs does
 * (seed + its index among them); zero biases. A Conv2D kernel [kh, kw, in, out] has fan_in kh * kw * in and fan_out
 * kh * kw * out; a Dense kernel [inputs, units] inputs and units.
 */
export function glorotUniform(layers: readonly LayerSpec[], seed: number): DenseWeights[] {
  const kernels = layerSummaries(layers).flatMap((row) => (row.kernelShape ? [row.kernelShape] : []));
  return kernels.map((shape, i) => {
    const units = shape[shape.length - 1];
    const size = shape.reduce((a, b) => a * b, 1);
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const fanIn = size / units;
    const fanOut = receptive * units;
    // tfjs VarianceScaling (fan_avg, uniform) and randomUniform, operation for operation.
    const limit = Math.sqrt(3 * (1 / Math.max(1, (fanIn + fanOut) / 2)));
    const range = limit - -limit;
    const random = alea((seed + i).toString());
    const kernel = new Float32Array(size);
    for (let j = 0; j < kernel.length; j++) kernel[j] = -limit + range * random();
    return { kernel, bias: new Float32Array(units) };
  });
}
