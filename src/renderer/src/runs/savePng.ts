/** Saves a chart as a PNG download: echarts renders it at twice the resolution on white, whatever the theme. */
import { downloadFile } from '../shared/download';

/** The part of vue-echarts' exposed API used here. */
export interface PngSource {
  getDataURL(options: { type: 'png'; pixelRatio: number; backgroundColor: string }): string;
}

export function saveChartPng(chart: PngSource, fileName: string): void {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  downloadFile({ fileName, data: url.slice(url.indexOf(',') + 1) }, 'image/png');
}
