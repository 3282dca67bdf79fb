// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { ScoreTransformationType } from '../tflite/score-transformation-type';


export class ScoreCalibrationOptions {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ScoreCalibrationOptions {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsScoreCalibrationOptions(bb:flatbuffers.ByteBuffer, obj?:ScoreCalibrationOptions):ScoreCalibrationOptions {
  return (obj || new ScoreCalibrationOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsScoreCalibrationOptions(bb:flatbuffers.ByteBuffer, obj?:ScoreCalibrationOptions):ScoreCalibrationOptions {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ScoreCalibrationOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

scoreTransformation():ScoreTransformationType {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readInt8(this.bb_pos + offset) : ScoreTransformationType.IDENTITY;
}

defaultScore():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readFloat32(this.bb_pos + offset) : 0.0;
}

static startScoreCalibrationOptions(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addScoreTransformation(builder:flatbuffers.Builder, scoreTransformation:ScoreTransformationType) {
  builder.addFieldInt8(0, scoreTransformation, ScoreTransformationType.IDENTITY);
}

static addDefaultScore(builder:flatbuffers.Builder, defaultScore:number) {
  builder.addFieldFloat32(1, defaultScore, 0.0);
}

static endScoreCalibrationOptions(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createScoreCalibrationOptions(builder:flatbuffers.Builder, scoreTransformation:ScoreTransformationType, defaultScore:number):flatbuffers.Offset {
  ScoreCalibrationOptions.startScoreCalibrationOptions(builder);
  ScoreCalibrationOptions.addScoreTransformation(builder, scoreTransformation);
  ScoreCalibrationOptions.addDefaultScore(builder, defaultScore);
  return ScoreCalibrationOptions.endScoreCalibrationOptions(builder);
}
}
