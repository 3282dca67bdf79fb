/** Number and duration formats for the Train page. */

/** "45 s", "3 min 07 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** 0.97556 → "97.56 %". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} %`;
}

/**
 * 12345.6 → "12,346". Plain string work on purpose: the first toLocaleString() in a page costs ~60 ms (it
 * loads locale data), a long task in the middle of a training run.
 */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
