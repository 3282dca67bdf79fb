/**
 * The benchmark's per-epoch figure: the median of epochs 2..N, because the first epoch includes warm-up
 * (WebAssembly compilation, kernel caches). With one epoch, that epoch.
 */
export function medianSteadyEpoch(seconds: readonly number[]): number {
  return median(seconds.length > 1 ? seconds.slice(1) : seconds);
}

export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
}
