/** Registers only what the weight histograms draw, so the bundle stays small. */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type HistogramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
