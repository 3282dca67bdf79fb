/** Registers only what the Network page draws (the weight histograms' bars, the lines over a run's epochs), so the bundle stays small. */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type HistogramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
export type OverEpochsOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;
