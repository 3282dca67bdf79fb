// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export enum ColorSpaceType {
  UNKNOWN = 0,
  RGB = 1,
  GRAYSCALE = 2
}
