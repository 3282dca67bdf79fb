/** Each TFLite variant of the committed model: export time (build + atomic write), size, LiteRT.js accuracy. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUANTIZATIONS } from '../../src/core/api/export-options';
import { loadMnist } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { exportTflite } from '../../src/core/formats/tflite/export';
import { verifyTflite } from '../../src/core/formats/tflite/verify';

const EXPORT_MODEL = 'resources/models/digit-mlp.json';

export async function measureExport(): Promise<Record<string, unknown>> {
  const model = await openModelFile(fileURLToPath(new URL(`../../${EXPORT_MODEL}`, import.meta.url)));
  const { train, test } = await loadMnist();
  const dir = mkdtempSync(join(tmpdir(), 'digit-studio-bench-'));
  try {
    const variants = [];
    for (const quantize of QUANTIZATIONS) {
      process.stderr.write(`bench: export ${quantize} + LiteRT.js check on ${test.count} test images…\n`);
      const result = await exportTflite(model, join(dir, `${quantize}.tflite`), { quantize, inputShape: '784', labels: 'words', calibration: train });
      const check = await verifyTflite(result.bytes, model, test);
      variants.push({
        quantize,
        bytes: result.bytes.length,
        export_seconds: Number(result.seconds.toFixed(4)),
        accuracy: check.accuracy,
        source_accuracy: check.sourceAccuracy,
        argmax_agreement: check.agreement,
        max_abs_prob_diff: check.maxAbsDiff,
        runtime: check.runtime,
      });
    }
    return { model: EXPORT_MODEL, metric: 'export_seconds = build the FlatBuffer + write .tflite and labels atomically (fsync); accuracy on the 10,000 MNIST test images in LiteRT.js', variants };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
