// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class NormalizationOptions {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):NormalizationOptions {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsNormalizationOptions(bb:flatbuffers.ByteBuffer, obj?:NormalizationOptions):NormalizationOptions {
  return (obj || new NormalizationOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsNormalizationOptions(bb:flatbuffers.ByteBuffer, obj?:NormalizationOptions):NormalizationOptions {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new NormalizationOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

mean(index: number):number|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readFloat32(this.bb!.__vector(this.bb_pos + offset) + index * 4) : 0;
}

meanLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

meanArray():Float32Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? new Float32Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
}

std(index: number):number|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readFloat32(this.bb!.__vector(this.bb_pos + offset) + index * 4) : 0;
}

stdLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

stdArray():Float32Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? new Float32Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
}

static startNormalizationOptions(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addMean(builder:flatbuffers.Builder, meanOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, meanOffset, 0);
}

static createMeanVector(builder:flatbuffers.Builder, data:number[]|Float32Array):flatbuffers.Offset;
/**
 * @deprecated This Uint8Array overload will be removed in the future.
 */
static createMeanVector(builder:flatbuffers.Builder, data:number[]|Uint8Array):flatbuffers.Offset;
static createMeanVector(builder:flatbuffers.Builder, data:number[]|Float32Array|Uint8Array):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addFloat32(data[i]!);
  }
  return builder.endVector();
}

static startMeanVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addStd(builder:flatbuffers.Builder, stdOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, stdOffset, 0);
}

static createStdVector(builder:flatbuffers.Builder, data:number[]|Float32Array):flatbuffers.Offset;
/**
 * @deprecated This Uint8Array overload will be removed in the future.
 */
static createStdVector(builder:flatbuffers.Builder, data:number[]|Uint8Array):flatbuffers.Offset;
static createStdVector(builder:flatbuffers.Builder, data:number[]|Float32Array|Uint8Array):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addFloat32(data[i]!);
  }
  return builder.endVector();
}

static startStdVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static endNormalizationOptions(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createNormalizationOptions(builder:flatbuffers.Builder, meanOffset:flatbuffers.Offset, stdOffset:flatbuffers.Offset):flatbuffers.Offset {
  NormalizationOptions.startNormalizationOptions(builder);
  NormalizationOptions.addMean(builder, meanOffset);
  NormalizationOptions.addStd(builder, stdOffset);
  return NormalizationOptions.endNormalizationOptions(builder);
}
}
