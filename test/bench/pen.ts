/**
 * npm run bench:pen [-- --model FILE --data FILE]
 * Replays the 1,000 real pen-written digits of ../shared/pendigits-dev as pointer strokes on the Draw page's
 * 320 px canvas (digit scaled to a 220 px box, points rounded to whole CSS pixels, points closer than 1 px
 * dropped, as the pen brush does), at half size, 1.3× size and off-centre (half size, in the top-left
 * corner), through the shared strokes →
 * model-input pipeline, and prints the bundled model's accuracy, per-digit accuracy, confusion matrix and
 * ms per drawing as one JSON document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src/core/formats/model-file';
import { argMax, createPredictor } from '../../src/core/inference';
import { MIN_DIGIT_SPAN_PX, strokeBounds, strokesToModelInput, type StrokePoints } from '../../src/core/preprocess';
import { parseStrokeList } from '../../src/core/preprocess/stroke-list';

const CANVAS = 320;
const DIGIT_BOX = 220;
/** The pen brush ignores pointer moves shorter than this (CSS px). */
const MIN_STEP = 1;

interface Placement {
  /** Longer side of the digit's centreline box, CSS px. */
  size: number;
  /** Top-left of that box; null centres it on the canvas. */
  at: [number, number] | null;
}

const PLACEMENTS: Record<string, Placement> = {
  canvas: { size: DIGIT_BOX, at: null },
  half_size: { size: DIGIT_BOX / 2, at: null },
  size_1_3x: { size: DIGIT_BOX * 1.3, at: null },
  off_centre: { size: DIGIT_BOX / 2, at: [8, 8] },
};

interface Sample {
  label: number;
  strokes: StrokePoints[];
}

function loadSamples(file: string): Sample[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<{ label: number; strokes: unknown }>;
  return raw.map(({ label, strokes }) => ({ label, strokes: parseStrokeList(strokes) }));
}

/** The sample as the canvas would record it when drawn with its centreline box at `placement`. */
function replay(strokes: readonly StrokePoints[], { size, at }: Placement): number[][] {
  const b = strokeBounds(strokes);
  if (!b) return [];
  const scale = size / Math.max(b.maxX - b.minX, b.maxY - b.minY);
  const left = at ? at[0] : (CANVAS - (b.maxX - b.minX) * scale) / 2;
  const top = at ? at[1] : (CANVAS - (b.maxY - b.minY) * scale) / 2;
  return strokes.map((points) => {
    const out: number[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = Math.round(left + (points[i] - b.minX) * scale);
      const y = Math.round(top + (points[i + 1] - b.minY) * scale);
      const n = out.length;
      if (n && Math.hypot(x - out[n - 2], y - out[n - 1]) < MIN_STEP) continue;
      out.push(x, y);
    }
    return out;
  });
}

function score(samples: Sample[], predictions: Array<number | null>) {
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url)) },
      data: { type: 'string', default: fileURLToPath(new URL('../../../shared/pendigits-dev/unipen_dev_digits.json', import.meta.url)) },
    },
  });
  const model = await readModelFile(values.model);
  const predict = createPredictor(model);
  const samples = loadSamples(values.data);

  const variants: Record<string, ReturnType<typeof score> & { drop_vs_canvas?: number }> = {};
  let timing = { preprocess: 0, total: 0, drawings: 0 };
  for (const [name, placement] of Object.entries(PLACEMENTS)) {
    const drawings = samples.map((s) => replay(s.strokes, placement));
    const predictions: Array<number | null> = [];
    const started = performance.now();
    let preprocess = 0;
    for (const strokes of drawings) {
      const t0 = performance.now();
      const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
      preprocess += performance.now() - t0;
      predictions.push(input.empty ? null : argMax(predict(input.pixels)));
    }
    timing = { preprocess: timing.preprocess + preprocess, total: timing.total + performance.now() - started, drawings: timing.drawings + drawings.length };
    variants[name] = score(samples, predictions);
    if (name !== 'canvas') variants[name].drop_vs_canvas = round(variants.canvas.accuracy - variants[name].accuracy);
  }

  console.log(
    JSON.stringify(
      {
        model: values.model,
        samples: samples.length,
        canvas: { size_px: CANVAS, digit_box_px: DIGIT_BOX },
        variants,
        ms_per_drawing: { preprocess: round(timing.preprocess / timing.drawings, 3), preprocess_and_predict: round(timing.total / timing.drawings, 3) },
        targets: { accuracy: 0.965, min_per_digit: 0.9, max_drop_vs_canvas: 0.01, max_ms_per_drawing: 2 },
      },
      null,
      2,
    ),
  );
}

await main();
