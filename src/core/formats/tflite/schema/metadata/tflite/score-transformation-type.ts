// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export enum ScoreTransformationType {
  IDENTITY = 0,
  LOG = 1,
  INVERSE_LOGISTIC = 2
}
