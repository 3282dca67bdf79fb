// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export enum AssociatedFileType {
  UNKNOWN = 0,
  DESCRIPTIONS = 1,
  TENSOR_AXIS_LABELS = 2,
  TENSOR_VALUE_LABELS = 3,
  TENSOR_AXIS_SCORE_CALIBRATION = 4,
  VOCABULARY = 5,
  SCANN_INDEX_FILE = 6
}
