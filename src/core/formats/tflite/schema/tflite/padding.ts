// Generated from tflite.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export enum Padding {
  SAME = 0,
  VALID = 1
}
