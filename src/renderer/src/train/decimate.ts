/**
 * At most `max` items, evenly spaced, always keeping the last one. A chart a few hundred pixels wide shows no
 * more than that, and echarts' cost grows with the data: a 100-epoch run has tens of thousands of batch events.
 */
export function decimate<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  const stride = Math.ceil(items.length / max);
  const kept: T[] = [];
  for (let i = 0; i < items.length; i += stride) kept.push(items[i]);
  if (kept.at(-1) !== items.at(-1)) kept.push(items.at(-1)!);
  return kept;
}

/** Points per series the Train charts draw. */
export const MAX_CHART_POINTS = 600;
