// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export enum BoundingBoxType {
  UNKNOWN = 0,
  BOUNDARIES = 1,
  UPPER_LEFT = 2,
  CENTER = 3
}
