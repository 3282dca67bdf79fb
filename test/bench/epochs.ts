/**
 * The benchmark's per-epoch figure: the median of epochs 2..N, because the first epoch includes warm-up
 * (WebAssembly compilation, kernel caches). With one epoch, that epoch.
 */
export function medianSteadyEpoch(seconds: readonly number[]): number {
  const steady = (seconds.length > 1 ? seconds.slice(1) : seconds).slice().sort((a, b) => a - b);
  return steady[Math.floor((steady.length - 1) / 2)] / 2 + steady[Math.ceil((steady.length - 1) / 2)] / 2;
}
