/**
 * The API methods for a .tflite file the user opened (not added to the library: it has no Keras layers to train or
 * export): its evaluation on the MNIST test set in a job thread, and the Draw page's live reading with it.
 */
import { base64ToBytes } from '../api/base64';
import type { Responses } from '../api/contract';
import type { Handlers } from './handlers';
import { refuseOversizedImport } from './import-size';
import type { JobRunner } from './jobs';
import { DrawingTflite } from './tflite-drawing';

export function tfliteHandlers(jobs: JobRunner): Handlers<'evaluateTfliteFile' | 'openTfliteForDrawing' | 'predictTflite'> {
  const drawing = new DrawingTflite();
  return {
    evaluateTfliteFile: async (request) => {
      refuseOversizedImport(request);
      const job = { kind: 'evaluate' as const, id: request.fileName, tflite: base64ToBytes(request.data) };
      return (await jobs.run(job)) as Responses['evaluateTfliteFile'];
    },

    openTfliteForDrawing: async (request) => {
      refuseOversizedImport(request);
      return drawing.openFile(request.fileName, base64ToBytes(request.data));
    },

    predictTflite: async ({ id, input }) => ({ probabilities: await drawing.predict(id, input) }),
  };
}
