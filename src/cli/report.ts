/**
 * Human-readable training output in the style of Keras' fit log: a progress bar while an epoch runs
 * (terminals only), then one line per epoch.
 */
import { describeArchitecture } from '../core/api/architecture';
import cliProgress from 'cli-progress';
import { BACKEND_LABELS } from '../core/api/backends';
import type { TrainingEvent } from '../core/api/training-events';

const fmt = (v: number | null): string => (v === null ? '-' : v.toFixed(4));

export function createHumanReporter(out: NodeJS.WriteStream = process.stdout): (event: TrainingEvent) => void {
  let bar: cliProgress.SingleBar | null = null;
  const stopBar = (): void => {
    bar?.stop();
    bar = null;
  };
  return (event) => {
    switch (event.event) {
      case 'start':
        out.write(
          `Backend: ${BACKEND_LABELS[event.backend]} [${event.backend}]${event.threads === 2 ? ' · 2 workers' : ''}\n` +
            (event.choice ? `Why: ${event.choice}\n` : '') +
            `Data: ${event.train_samples} training, ${event.val_samples} validation, ${event.test_samples} test images · ${event.params} parameters\n` +
            `Settings: ${event.config.optimizer} lr=${event.config.learningRate} batch=${event.config.batchSize} ${describeArchitecture(event.config)} seed=${event.config.seed}\n`,
        );
        return;
      case 'batch':
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: `Epoch ${event.epoch} {bar} {value}/{total} · loss {loss} · accuracy {acc} · {speed} samples/s`, stream: out, hideCursor: true, clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.batches, 0, { loss: '-', acc: '-', speed: '-' });
        }
        bar.update(event.batch, { loss: fmt(event.loss), acc: fmt(event.accuracy), speed: Math.round(event.samples_per_second) });
        return;
      case 'epoch':
        stopBar();
        out.write(
          `Epoch ${event.epoch}/${event.epochs} - ${event.seconds.toFixed(1)}s - loss: ${fmt(event.loss)} - accuracy: ${fmt(event.accuracy)}` +
            ` - val_loss: ${fmt(event.val_loss)} - val_accuracy: ${fmt(event.val_accuracy)}\n`,
        );
        return;
      case 'done':
        stopBar();
        out.write(
          `${event.stopped === 'cancelled' ? 'Stopped' : 'Finished'} after ${event.epochs_completed} epoch(s) on ${event.backend}. ` +
            `Test accuracy: ${fmt(event.test_accuracy)} · test loss: ${fmt(event.test_loss)}${event.model ? ` · model saved to ${event.model}` : ''}\n`,
        );
        return;
      case 'failed':
        stopBar();
        return; // the CLI prints the failure as its one-line error
    }
  };
}

export const jsonReporter = (event: TrainingEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
