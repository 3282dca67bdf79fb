export { IdxError, parseIdx, IMAGES_MAGIC, LABELS_MAGIC } from './idx';
export type { IdxImages, IdxLabels } from './idx';
export { loadDigitSet, loadMnist, mnistDataDir } from './mnist';
export type { DigitSet, Mnist } from './mnist';
export { idxImagesBytes, idxLabelsBytes } from './idx-write';
