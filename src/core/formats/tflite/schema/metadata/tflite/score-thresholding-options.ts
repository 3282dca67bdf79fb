// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class ScoreThresholdingOptions {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ScoreThresholdingOptions {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsScoreThresholdingOptions(bb:flatbuffers.ByteBuffer, obj?:ScoreThresholdingOptions):ScoreThresholdingOptions {
  return (obj || new ScoreThresholdingOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsScoreThresholdingOptions(bb:flatbuffers.ByteBuffer, obj?:ScoreThresholdingOptions):ScoreThresholdingOptions {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ScoreThresholdingOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

globalScoreThreshold():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readFloat32(this.bb_pos + offset) : 0.0;
}

static startScoreThresholdingOptions(builder:flatbuffers.Builder) {
  builder.startObject(1);
}

static addGlobalScoreThreshold(builder:flatbuffers.Builder, globalScoreThreshold:number) {
  builder.addFieldFloat32(0, globalScoreThreshold, 0.0);
}

static endScoreThresholdingOptions(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createScoreThresholdingOptions(builder:flatbuffers.Builder, globalScoreThreshold:number):flatbuffers.Offset {
  ScoreThresholdingOptions.startScoreThresholdingOptions(builder);
  ScoreThresholdingOptions.addGlobalScoreThreshold(builder, globalScoreThreshold);
  return ScoreThresholdingOptions.endScoreThresholdingOptions(builder);
}
}
