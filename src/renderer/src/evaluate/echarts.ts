/** Registers only what the confusion heatmap draws, so the bundle stays small. */
import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, VisualMapComponent, TooltipComponent, CanvasRenderer]);

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | VisualMapComponentOption | TooltipComponentOption>;
