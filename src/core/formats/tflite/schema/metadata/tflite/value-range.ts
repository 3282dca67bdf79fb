// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class ValueRange {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ValueRange {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsValueRange(bb:flatbuffers.ByteBuffer, obj?:ValueRange):ValueRange {
  return (obj || new ValueRange()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsValueRange(bb:flatbuffers.ByteBuffer, obj?:ValueRange):ValueRange {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ValueRange()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

min():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readInt32(this.bb_pos + offset) : 0;
}

max():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readInt32(this.bb_pos + offset) : 0;
}

static startValueRange(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addMin(builder:flatbuffers.Builder, min:number) {
  builder.addFieldInt32(0, min, 0);
}

static addMax(builder:flatbuffers.Builder, max:number) {
  builder.addFieldInt32(1, max, 0);
}

static endValueRange(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createValueRange(builder:flatbuffers.Builder, min:number, max:number):flatbuffers.Offset {
  ValueRange.startValueRange(builder);
  ValueRange.addMin(builder, min);
  ValueRange.addMax(builder, max);
  return ValueRange.endValueRange(builder);
}
}
