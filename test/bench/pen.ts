/**
 * npm run bench:pen [-- --model FILE --data FILE]
 * Replays the 1,000 real pen-written digits of ../shared/pendigits-dev as pointer strokes on the Draw page's
 * canvas (test/helpers/pen-canvas: normal size, half size, 1.3× size, off-centre) through the shared strokes →
 * model-input pipeline, and prints the model's accuracy, per-digit accuracy and confusion matrix per
 * variant, and the Node time per drawing (preprocessing, and preprocessing + prediction: mean, p50, p95), as
 * one JSON document.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src/core/formats/model-file';
import { argMax, createPredictor } from '../../src/core/inference';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../src/core/preprocess';
import { CANVAS, DIGIT_BOX, PENDIGITS, PLACEMENTS, loadPenSamples, percentile, placeOnCanvas, type PenSample } from '../helpers/pen-canvas';

/** The speed target: preprocessing + prediction per drawing (ms). */
const TARGET_MS = 2;

function score(samples: PenSample[], predictions: Array<number | null>) {
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  let correct = 0;
  let unread = 0;
  samples.forEach(({ label }, i) => {
    const digit = predictions[i];
    if (digit === null) unread++;
    else confusion[label][digit]++;
    if (digit === label) correct++;
  });
  const perDigit = confusion.map((row, d) => round(row[d] / samples.filter((s) => s.label === d).length));
  return { accuracy: round(correct / samples.length), per_digit: perDigit, unread, confusion };
}

const round = (v: number, digits = 4): number => Number(v.toFixed(digits));

/** Mean, median and 95th percentile of per-drawing times (ms). */
function spread(ms: number[]): { mean: number; p50: number; p95: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { mean: round(ms.reduce((a, b) => a + b, 0) / ms.length, 3), p50: round(percentile(sorted, 0.5), 3), p95: round(percentile(sorted, 0.95), 3) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url)) },
      data: { type: 'string', default: PENDIGITS },
    },
  });
  const model = await readModelFile(values.model);
  const predict = createPredictor(model);
  const samples = loadPenSamples(values.data);

  const variants: Record<string, ReturnType<typeof score> & { drop_vs_canvas?: number }> = {};
  for (const [name, placement] of Object.entries(PLACEMENTS)) {
    const predictions = samples.map((s) => {
      const input = strokesToModelInput(placeOnCanvas(s.strokes, placement), MIN_DIGIT_SPAN_PX);
      return input.empty ? null : argMax(predict(input.pixels));
    });
    variants[name] = score(samples, predictions);
    if (name !== 'canvas') variants[name].drop_vs_canvas = round(variants.canvas.accuracy - variants[name].accuracy);
  }

  // Timed apart, once the passes above have warmed up the code: each drawing at normal size, one at a time.
  const preprocessMs: number[] = [];
  const totalMs: number[] = [];
  for (const strokes of samples.map((s) => placeOnCanvas(s.strokes, PLACEMENTS.canvas))) {
    const t0 = performance.now();
    const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
    const t1 = performance.now();
    if (!input.empty) argMax(predict(input.pixels));
    totalMs.push(performance.now() - t0);
    preprocessMs.push(t1 - t0);
  }

  console.log(
    JSON.stringify(
      {
        model: values.model,
        samples: samples.length,
        canvas: { size_px: CANVAS, digit_box_px: DIGIT_BOX },
        variants,
        ms_per_drawing_node: { preprocess: spread(preprocessMs), preprocess_and_predict: spread(totalMs), target: TARGET_MS },
        targets: { accuracy: 0.965, min_per_digit: 0.9, max_drop_vs_canvas: 0.01, max_ms_per_drawing: TARGET_MS },
        load_average_1m: round(loadavg()[0], 2),
      },
      null,
      2,
    ),
  );
}

await main();
