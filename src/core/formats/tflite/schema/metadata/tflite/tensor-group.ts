// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class TensorGroup {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):TensorGroup {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsTensorGroup(bb:flatbuffers.ByteBuffer, obj?:TensorGroup):TensorGroup {
  return (obj || new TensorGroup()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsTensorGroup(bb:flatbuffers.ByteBuffer, obj?:TensorGroup):TensorGroup {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new TensorGroup()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

name():string|null
name(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
name(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

tensorNames(index: number):string
tensorNames(index: number,optionalEncoding:flatbuffers.Encoding):string|Uint8Array
tensorNames(index: number,optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__string(this.bb!.__vector(this.bb_pos + offset) + index * 4, optionalEncoding) : null;
}

tensorNamesLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

static startTensorGroup(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addName(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, nameOffset, 0);
}

static addTensorNames(builder:flatbuffers.Builder, tensorNamesOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, tensorNamesOffset, 0);
}

static createTensorNamesVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startTensorNamesVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static endTensorGroup(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createTensorGroup(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset, tensorNamesOffset:flatbuffers.Offset):flatbuffers.Offset {
  TensorGroup.startTensorGroup(builder);
  TensorGroup.addName(builder, nameOffset);
  TensorGroup.addTensorNames(builder, tensorNamesOffset);
  return TensorGroup.endTensorGroup(builder);
}
}
