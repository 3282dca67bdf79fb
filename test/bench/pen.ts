/**
 * npm run bench:pen [-- --model FILE --data FILE] [--canvas N]
 * Replays the 1,000 real pen-written digits of ../shared/pendigits-dev as pointer strokes on the Draw page's
 * canvas (test/helpers/pen-canvas: normal size, half size, 1.3× size, off-centre) through the shared strokes →
 * model-input pipeline, and prints the model's accuracy, per-digit accuracy and confusion matrix per
 * variant, and the Node time per drawing (preprocessing, and preprocessing + prediction: mean, p50, p95), as
 * one JSON document. With --canvas N, N samples (spread over all digits) are instead drawn with a pen into
 * the real Draw page in Chromium (test/bench/pen-live.ts) and the page's readings are scored the same way,
 * next to the strokes pipeline's, with the renderer's preprocessing + prediction time per drawing.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src/core/formats/model-file';
import { argMax, createPredictor } from '../../src/core/inference';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../src/core/preprocess';
import { CANVAS, DIGIT_BOX, PENDIGITS, PLACEMENTS, loadPenSamples, penSubset, percentile, placeOnCanvas, type PenSample } from '../helpers/pen-canvas';

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
      canvas: { type: 'string' },
    },
  });
  const model = await readModelFile(values.model);
  const predict = createPredictor(model);
  const samples = loadPenSamples(values.data);
  if (values.canvas !== undefined) {
    const count = Number(values.canvas);
    if (!Number.isInteger(count) || count < 1 || count > samples.length) throw new RangeError(`--canvas takes a sample count from 1 to ${samples.length}`);
    console.log(JSON.stringify(await liveReport(samples, predict, count), null, 2));
    return;
  }

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

/** --canvas N: N samples spread over all digits, drawn with the pen into the real Draw page. */
async function liveReport(all: PenSample[], predict: (input: ArrayLike<number>) => Float32Array, count: number) {
  const samples = penSubset(count, all.length).map((i) => all[i]);
  const { replayLive } = await import('./pen-live');
  const coreInput = (strokes: number[][]) => strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
  const live = await replayLive(samples, coreInput);
  const core = samples.map(({ strokes }) => {
    const input = coreInput(placeOnCanvas(strokes, PLACEMENTS.canvas));
    return input.empty ? null : argMax(predict(input.pixels));
  });
  const renderer = spread(live.rendererMs);
  return {
    model: 'bundled (the page reads with the app\'s bundled model; --model applies to the strokes-pipeline comparison)',
    samples: samples.length,
    canvas: { size_px: CANVAS, digit_box_px: DIGIT_BOX, pointer: 'pen (CDP), one event per recorded point' },
    real_canvas: score(samples, live.digits),
    strokes_pipeline: score(samples, core),
    agreement_with_strokes_pipeline: round(live.digits.filter((d, i) => d === core[i]).length / samples.length),
    previews_equal_to_pipeline_input: `${live.previewsExact}/${samples.length}`,
    ms_per_drawing_renderer: { preprocess_and_predict: { ...renderer, drawings_read: live.rendererMs.length }, target: TARGET_MS, met: renderer.p95 <= TARGET_MS },
    seconds_per_sample_replay: round(live.secondsPerSample, 3),
    load_average_1m: round(loadavg()[0], 2),
  };
}

await main();
