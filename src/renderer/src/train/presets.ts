/** The presets the Train form offers, in display order. */
import { PRESETS, type TrainConfig } from '../../../core/api/train-config';

export const TRAIN_PRESETS: ReadonlyArray<{ id: string; label: string; config: TrainConfig }> = [
  { id: 'keras-tutorial', label: 'Keras tutorial (SGD, 100 epochs)', config: PRESETS['keras-tutorial'] },
  { id: 'recommended', label: 'Recommended (Adam, 10 epochs)', config: PRESETS.recommended },
  { id: 'robust', label: `Robust for drawings (Adam, augmented, ${PRESETS.robust.epochs} epochs)`, config: PRESETS.robust },
  { id: 'cnn', label: `CNN (keras.io convnet, Adam, ${PRESETS.cnn.epochs} epochs)`, config: PRESETS.cnn },
  { id: 'robust-cnn', label: `Robust CNN for drawings (augmented, ${PRESETS['robust-cnn'].epochs} epochs)`, config: PRESETS['robust-cnn'] },
  // A fast demo: the recommended network on the first 6,000 images for 2 epochs.
  { id: 'quick-check', label: 'Quick check (2 epochs, 6,000 images)', config: { ...PRESETS.recommended, epochs: 2, limit: 6000 } },
];
