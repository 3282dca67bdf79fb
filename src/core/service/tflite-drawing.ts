/**
 * The .tflite file the Draw page reads drawings with. It is compiled in LiteRT.js once, when opened, and kept: one
 * at a time, the next one opened replacing it. A drawing is one small run (milliseconds), so it runs on the caller's
 * thread; the runs and the replacement take turns, so a model is never freed while it reads a drawing.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type TfliteDrawingModel } from '../api/contract';
import { NUM_CLASSES } from '../api/model-spec';
import { MAX_PIXEL } from '../formats/tflite/classifier-io';
import { openClassifier, type OpenedClassifier } from '../formats/tflite/tflite-classifier';
import { asProbabilities } from '../formats/tflite/tflite-probabilities';

export class DrawingTflite {
  private open: { model: TfliteDrawingModel; classifier: OpenedClassifier } | null = null;
  /** The end of the last queued open or prediction: each waits for the one before. */
  private turn: Promise<unknown> = Promise.resolve();

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Compiles the file and keeps it in place of the one open before, which stays open if this one cannot run. */
  openFile(fileName: string, bytes: Uint8Array): Promise<TfliteDrawingModel> {
    return this.inTurn(async () => {
      const classifier = await openClassifier(bytes);
      this.open?.classifier.close();
      const model = { id: `tflite-${randomUUID()}`, fileName, runtime: classifier.runtime, input: classifier.input };
      this.open = { model, classifier };
      return model;
    });
  }

  /** The open file's probabilities for one drawing's 784 values (0–1). */
  predict(id: string, input: readonly number[]): Promise<number[]> {
    return this.inTurn(async () => {
      if (this.open?.model.id !== id) {
        throw new ApiError('no .tflite file with that id is open for drawing (opening another one closes it): open the file again');
      }
      // The drawing's values are 0–1, the classifier's pixels 0–255 as MNIST stores them.
      const pixels = Float32Array.from(input, (v) => v * MAX_PIXEL);
      const scores = await this.open.classifier.classify(pixels, 0, 1);
      return Array.from(asProbabilities(scores.slice(0, NUM_CLASSES)));
    });
  }
}
