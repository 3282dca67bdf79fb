// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export { AssociatedFile } from './tflite/associated-file';
export { AssociatedFileType } from './tflite/associated-file-type';
export { AudioProperties } from './tflite/audio-properties';
export { BertTokenizerOptions } from './tflite/bert-tokenizer-options';
export { BoundingBoxProperties } from './tflite/bounding-box-properties';
export { BoundingBoxType } from './tflite/bounding-box-type';
export { ColorSpaceType } from './tflite/color-space-type';
export { Content } from './tflite/content';
export { ContentProperties, unionToContentProperties, unionListToContentProperties } from './tflite/content-properties';
export { CoordinateType } from './tflite/coordinate-type';
export { CustomMetadata } from './tflite/custom-metadata';
export { FeatureProperties } from './tflite/feature-properties';
export { ImageProperties } from './tflite/image-properties';
export { ImageSize } from './tflite/image-size';
export { ModelMetadata } from './tflite/model-metadata';
export { NormalizationOptions } from './tflite/normalization-options';
export { ProcessUnit } from './tflite/process-unit';
export { ProcessUnitOptions, unionToProcessUnitOptions, unionListToProcessUnitOptions } from './tflite/process-unit-options';
export { RegexTokenizerOptions } from './tflite/regex-tokenizer-options';
export { ScoreCalibrationOptions } from './tflite/score-calibration-options';
export { ScoreThresholdingOptions } from './tflite/score-thresholding-options';
export { ScoreTransformationType } from './tflite/score-transformation-type';
export { SentencePieceTokenizerOptions } from './tflite/sentence-piece-tokenizer-options';
export { Stats } from './tflite/stats';
export { SubGraphMetadata } from './tflite/sub-graph-metadata';
export { TensorGroup } from './tflite/tensor-group';
export { TensorMetadata } from './tflite/tensor-metadata';
export { ValueRange } from './tflite/value-range';
