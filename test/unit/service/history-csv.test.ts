import { describe, expect, it } from 'vitest';
import { MAX_BATCH_POINTS } from '../../../src/core/api/run-history';
import { KERAS_TUTORIAL } from '../../../src/core/api/train-config';
import { historyCsv, pythonFloat } from '../../../src/core/service/history-csv';
import { RUN_ID, RunRecorder, newRunId } from '../../../src/core/service/run-recorder';

describe("a run's History as Keras' CSVLogger writes it", () => {
  it('writes floats as Python repr does', () => {
    // The values are Python 3's repr of the same doubles.
    const cases: Array<[number, string]> = [
      [0.25, '0.25'],
      [1, '1.0'],
      [0, '0.0'],
      [-0, '-0.0'],
      [0.1, '0.1'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [0.00012345, '0.00012345'],
      [123.5, '123.5'],
      [1e16, '1e+16'],
      [1234567890123456.0, '1234567890123456.0'],
      [1.2345678901234568e17, '1.2345678901234568e+17'],
      [0.8999999761581421, '0.8999999761581421'],
      [2.302585092994046, '2.302585092994046'],
      [-3.5e-7, '-3.5e-07'],
      [NaN, 'nan'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
    ];
    for (const [value, repr] of cases) expect(pythonFloat(value), String(value)).toBe(repr);
  });

  it('has the CSVLogger header, epochs from 0, CRLF line ends, and an empty cell where there is no validation', () => {
    const csv = historyCsv([
      { epoch: 1, loss: 0.5, accuracy: 0.875, val_loss: 0.25, val_accuracy: 0.9, seconds: 1 },
      { epoch: 2, loss: 0.125, accuracy: 1, val_loss: null, val_accuracy: null, seconds: 1 },
    ]);
    expect(csv).toBe('epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.875,0.5,0.9,0.25\r\n1,1.0,0.125,,\r\n');
    expect(historyCsv([])).toBe('epoch,accuracy,loss,val_accuracy,val_loss\r\n');
  });
});

describe('the run recorder', () => {
  it('names runs as the library does', () => {
    expect(newRunId(new Date('2026-03-04T05:06:07.890Z'))).toMatch(/^run-20260304050607-[0-9a-f]{6}$/);
    expect(RUN_ID.test(newRunId())).toBe(true);
  });

  it(`thins the batch curve evenly to at most ${MAX_BATCH_POINTS} points however long the run`, () => {
    const recorder = new RunRecorder({ ...KERAS_TUTORIAL, epochs: 100 });
    const batches = 750;
    for (let epoch = 1; epoch <= 100; epoch++) {
      for (let batch = 1; batch <= batches; batch += 10) {
        recorder.add({ event: 'batch', backend: 'engine', epoch, batch, batches, loss: 1 / epoch, accuracy: 0.5, samples_per_second: 1 });
      }
    }
    const points = recorder.record.batches;
    expect(points.length).toBeLessThanOrEqual(MAX_BATCH_POINTS);
    expect(points.length).toBeGreaterThan(MAX_BATCH_POINTS / 2);
    const gaps = new Set(points.slice(1).map((p, i) => p.step - points[i].step));
    expect(gaps.size).toBeLessThanOrEqual(2); // even (the gap across an epoch end differs by the batch stride)
    expect(points[0].step).toBe(1);
    expect(points.at(-1)!.epoch).toBeGreaterThan(95);
  });

  it('skips batch points that are not finite and records how the run ended', () => {
    const recorder = new RunRecorder(KERAS_TUTORIAL);
    recorder.add({ event: 'batch', backend: 'engine', epoch: 1, batch: 1, batches: 10, loss: NaN, accuracy: 0.1, samples_per_second: 1 });
    expect(recorder.record.batches).toEqual([]);
    expect(recorder.add({ event: 'failed', backend: 'engine', message: 'the loss became NaN', epochs_completed: 0 })).toBe(true);
    expect(recorder.record).toMatchObject({ status: 'failed', reason: 'the loss became NaN', layers: '784 → 128 relu → 128 relu → 10 softmax' });
  });
});
