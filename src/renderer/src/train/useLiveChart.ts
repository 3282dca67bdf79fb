/**
 * Streams store data into an echarts instance without long tasks: at most one setOption per interval (trailing),
 * nothing while the page is hidden (KeepAlive), one immediate redraw when it is shown again.
 */
import { onActivated, onBeforeUnmount, onDeactivated, onMounted, ref, watch, type Ref, type WatchSource } from 'vue';
// The import also registers the echarts parts the charts use, before any chart is created.
import './echarts';
import type { TrainChartOption } from './echarts';

/** The part of vue-echarts' exposed API used here (with manual-update). */
export interface ChartHandle {
  setOption(option: TrainChartOption): void;
}

/** ≤ 4 redraws per second. */
export const CHART_INTERVAL_MS = 250;

export function useLiveChart(
  chart: Readonly<Ref<ChartHandle | null>>,
  source: WatchSource,
  build: () => { option: TrainChartOption; points: number },
): Ref<number> {
  /** Points in the last drawn option, for the container's data-points attribute. */
  const points = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDraw = -Infinity;
  let active = true;

  function draw(): void {
    timer = undefined;
    lastDraw = performance.now();
    const next = build();
    chart.value?.setOption(next.option);
    points.value = next.points;
  }

  function schedule(): void {
    if (timer !== undefined || !active) return;
    timer = setTimeout(draw, Math.max(0, lastDraw + CHART_INTERVAL_MS - performance.now()));
  }

  function pause(): void {
    active = false;
    clearTimeout(timer);
    timer = undefined;
  }

  watch(source, schedule);
  onMounted(draw);
  onActivated(() => {
    if (active) return;
    active = true;
    draw();
  });
  onDeactivated(pause);
  onBeforeUnmount(pause);
  return points;
}
