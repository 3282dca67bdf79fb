/** Chart colours taken from the app's CSS variables, re-read when the OS switches between light and dark. */
import { onBeforeUnmount, shallowRef, type Ref } from 'vue';
import type { TrainChartOption } from './echarts';

export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  panel: string;
  loss: string;
  valLoss: string;
  accuracy: string;
  valAccuracy: string;
}

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const css = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return {
    text: css('--text', dark ? '#e6e9f0' : '#1c2230'),
    muted: css('--muted', dark ? '#9aa3b5' : '#5b6478'),
    border: css('--border', dark ? '#2c3340' : '#d9dde7'),
    panel: css('--panel', dark ? '#1b2029' : '#ffffff'),
    loss: css('--accent', dark ? '#5b8cff' : '#2f6fed'),
    accuracy: css('--good', dark ? '#3ccf91' : '#1f9d6b'),
    // The validation curves need two more colours that read on both backgrounds.
    valLoss: dark ? '#ffa94d' : '#d9730d',
    valAccuracy: dark ? '#c792ea' : '#8e44ad',
  };
}

export function useChartColors(): Ref<ChartColors> {
  const colors = shallowRef(readColors());
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const update = (): void => {
    colors.value = readColors();
  };
  query?.addEventListener('change', update);
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return colors;
}

const formatValue = (value: unknown): string => (typeof value === 'number' ? value.toFixed(4) : String(value ?? '—'));

/** What both charts share: no animation (they stream), theme colours, an axis tooltip, a legend on top. */
export function baseOption(c: ChartColors): TrainChartOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: c.text },
    legend: { top: 0, textStyle: { color: c.text } },
    tooltip: {
      trigger: 'axis',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
      valueFormatter: formatValue,
    },
  };
}

/**
 * A grid whose margins are fixed and leave room for the axis labels. By default echarts 6 lays the axes out twice,
 * the first time to shrink the grid where labels would overflow the canvas ('outerBounds'); that first layout was
 * 20 ms of the 58 ms the Network page's first (cold) chart took to make.
 */
export const fixedGrid = (margins: { left: number; right: number; top: number; bottom: number }) => ({ ...margins, outerBoundsMode: 'none' as const });

/** Axis colours for one axis. */
export function axisStyle(c: ChartColors) {
  return {
    nameTextStyle: { color: c.muted },
    axisLine: { lineStyle: { color: c.border } },
    axisLabel: { color: c.muted },
    splitLine: { lineStyle: { color: c.border } },
  };
}
