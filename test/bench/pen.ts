/**
 * npm run bench:pen [-- --models DIR | --model FILE] [--data FILE] [--canvas N]
 * Replays the 1,000 real pen-written digits of ../shared/pendigits-dev as pointer strokes on the Draw page's
 * canvas (test/helpers/pen-canvas: normal size, half size, 1.3× size, off-centre) through the shared strokes →
 * model-input pipeline, for every bundled model (each model .json in resources/models, as the app lists them: the MLP,
 * and the CNN once it is bundled; --models DIR reads another folder, --model FILE one file), and prints per model its
 * accuracy, per-digit accuracy and confusion matrix per variant, and the Node time per drawing (preprocessing, and
 * preprocessing + prediction: mean, p50, p95), against its family's targets, as one JSON document. With --canvas N, N
 * samples (spread over all digits) are instead drawn with a pen into the real Draw page in Chromium
 * (test/bench/pen-live.ts), once with each bundled model chosen, and the page's readings are scored the same way,
 * next to the strokes pipeline's, with the renderer's preprocessing + prediction time per drawing.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openModelFile } from '../../src/core/formats/model-file';
import { argMax, createPredictor } from '../../src/core/inference';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../src/core/preprocess';
import { CANVAS, DIGIT_BOX, PENDIGITS, PLACEMENTS, loadPenSamples, penSubset, percentile, placeOnCanvas, type PenSample } from '../helpers/pen-canvas';

/** The speed target: preprocessing + prediction per drawing (ms). */
const TARGET_MS = 2;
/** Targets per model family: the MLP's (issue 9) and the bundled Robust CNN's (issue 17). */
const TARGETS = {
  mlp: { accuracy: 0.965, min_per_digit: 0.9, max_drop_vs_canvas: 0.01, max_ms_per_drawing: TARGET_MS },
  cnn: { accuracy: 0.98, min_per_digit: 0.95, max_drop_vs_canvas: 0.01, max_ms_per_drawing: TARGET_MS },
};
const BUNDLED_DIR = fileURLToPath(new URL('../../resources/models', import.meta.url));

interface PenModel {
  /** The file's name without .json; the app lists a bundled one as `bundled-<name>`. */
  name: string;
  file: string;
  family: keyof typeof TARGETS;
  predict: (input: ArrayLike<number>) => Float32Array;
}

type Score = ReturnType<typeof score>;

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

/** The model files of a folder, as the app's library reads the bundled ones: every .json but the .meta.json files. */
function modelFiles(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json')).sort();
  if (!files.length) throw new Error(`${dir} holds no model .json file`);
  return files.map((f) => join(dir, f));
}

async function loadModel(file: string): Promise<PenModel> {
  const model = await openModelFile(file);
  const family = model.layers.some((layer) => layer.type === 'Conv2D') ? 'cnn' : 'mlp';
  return { name: basename(file).replace(/\.[^.]+$/, ''), file, family, predict: createPredictor(model) };
}

const readStrokes = ({ predict }: PenModel, strokes: number[][]): number | null => {
  const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
  return input.empty ? null : argMax(predict(input.pixels));
};

/** One model through the strokes pipeline: every placement scored, then the drawings timed at normal size. */
function strokesReport(model: PenModel, samples: PenSample[]) {
  const variants: Record<string, Score & { drop_vs_canvas?: number }> = {};
  for (const [name, placement] of Object.entries(PLACEMENTS)) {
    variants[name] = score(samples, samples.map((s) => readStrokes(model, placeOnCanvas(s.strokes, placement))));
    if (name !== 'canvas') variants[name].drop_vs_canvas = round(variants.canvas.accuracy - variants[name].accuracy);
  }
  // Timed apart, once the passes above have warmed up the code: each drawing at normal size, one at a time.
  const preprocessMs: number[] = [];
  const totalMs: number[] = [];
  for (const strokes of samples.map((s) => placeOnCanvas(s.strokes, PLACEMENTS.canvas))) {
    const t0 = performance.now();
    const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
    const t1 = performance.now();
    if (!input.empty) argMax(model.predict(input.pixels));
    totalMs.push(performance.now() - t0);
    preprocessMs.push(t1 - t0);
  }
  const targets = TARGETS[model.family];
  const total = spread(totalMs);
  const drops = Object.values(variants).map((v) => v.drop_vs_canvas ?? 0);
  return {
    model: model.name,
    file: model.file,
    family: model.family,
    variants,
    ms_per_drawing_node: { preprocess: spread(preprocessMs), preprocess_and_predict: total },
    targets,
    met: {
      accuracy: variants.canvas.accuracy >= targets.accuracy,
      min_per_digit: Math.min(...variants.canvas.per_digit) >= targets.min_per_digit,
      max_drop_vs_canvas: Math.max(...drops) <= targets.max_drop_vs_canvas,
      ms_per_drawing: total.p95 <= targets.max_ms_per_drawing,
    },
  };
}

/** --canvas N: N samples spread over all digits, drawn with the pen into the real Draw page with each model chosen. */
async function liveReport(all: PenSample[], models: PenModel[], count: number) {
  const samples = penSubset(count, all.length).map((i) => all[i]);
  const { replayLive } = await import('./pen-live');
  const live = await replayLive(samples, models.map((m) => `bundled-${m.name}`), (strokes) => strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX));
  return models.map((model, m) => {
    const { digits, previewsExact, rendererMs, secondsPerSample } = live[m];
    const core = samples.map(({ strokes }) => readStrokes(model, placeOnCanvas(strokes, PLACEMENTS.canvas)));
    const renderer = spread(rendererMs);
    return {
      model: `bundled-${model.name}`,
      family: model.family,
      real_canvas: score(samples, digits),
      strokes_pipeline: score(samples, core),
      agreement_with_strokes_pipeline: round(digits.filter((d, i) => d === core[i]).length / samples.length),
      previews_equal_to_pipeline_input: `${previewsExact}/${samples.length}`,
      ms_per_drawing_renderer: { preprocess_and_predict: { ...renderer, drawings_read: rendererMs.length }, target: TARGET_MS, met: renderer.p95 <= TARGET_MS },
      seconds_per_sample_replay: round(secondsPerSample, 3),
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { model: { type: 'string' }, models: { type: 'string' }, data: { type: 'string', default: PENDIGITS }, canvas: { type: 'string' } } });
  if (values.model && values.models) throw new Error('--model and --models: give one');
  if (values.canvas !== undefined && (values.model || values.models)) throw new Error(`--canvas reads with the app's bundled models (${BUNDLED_DIR}): --model and --models do not apply`);
  const models = await Promise.all((values.model ? [values.model] : modelFiles(values.models ?? BUNDLED_DIR)).map(loadModel));
  const samples = loadPenSamples(values.data);
  const canvas = { size_px: CANVAS, digit_box_px: DIGIT_BOX };
  let report: Record<string, unknown>;
  if (values.canvas !== undefined) {
    const count = Number(values.canvas);
    if (!Number.isInteger(count) || count < 1 || count > samples.length) throw new RangeError(`--canvas takes a sample count from 1 to ${samples.length}`);
    report = { samples: count, canvas: { ...canvas, pointer: 'pen (CDP), one event per recorded point' }, models: await liveReport(samples, models, count) };
  } else {
    report = { samples: samples.length, canvas, models: models.map((model) => strokesReport(model, samples)) };
  }
  console.log(JSON.stringify({ ...report, load_average_1m: round(loadavg()[0], 2) }, null, 2));
}

await main();
