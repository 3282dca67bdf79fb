// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { BoundingBoxType } from '../tflite/bounding-box-type';
import { CoordinateType } from '../tflite/coordinate-type';


export class BoundingBoxProperties {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):BoundingBoxProperties {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsBoundingBoxProperties(bb:flatbuffers.ByteBuffer, obj?:BoundingBoxProperties):BoundingBoxProperties {
  return (obj || new BoundingBoxProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsBoundingBoxProperties(bb:flatbuffers.ByteBuffer, obj?:BoundingBoxProperties):BoundingBoxProperties {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new BoundingBoxProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

index(index: number):number|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readUint32(this.bb!.__vector(this.bb_pos + offset) + index * 4) : 0;
}

indexLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

indexArray():Uint32Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? new Uint32Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
}

type():BoundingBoxType {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readInt8(this.bb_pos + offset) : BoundingBoxType.UNKNOWN;
}

coordinateType():CoordinateType {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? this.bb!.readInt8(this.bb_pos + offset) : CoordinateType.RATIO;
}

static startBoundingBoxProperties(builder:flatbuffers.Builder) {
  builder.startObject(3);
}

static addIndex(builder:flatbuffers.Builder, indexOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, indexOffset, 0);
}

static createIndexVector(builder:flatbuffers.Builder, data:number[]|Uint32Array):flatbuffers.Offset;
/**
 * @deprecated This Uint8Array overload will be removed in the future.
 */
static createIndexVector(builder:flatbuffers.Builder, data:number[]|Uint8Array):flatbuffers.Offset;
static createIndexVector(builder:flatbuffers.Builder, data:number[]|Uint32Array|Uint8Array):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addInt32(data[i]!);
  }
  return builder.endVector();
}

static startIndexVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addType(builder:flatbuffers.Builder, type:BoundingBoxType) {
  builder.addFieldInt8(1, type, BoundingBoxType.UNKNOWN);
}

static addCoordinateType(builder:flatbuffers.Builder, coordinateType:CoordinateType) {
  builder.addFieldInt8(2, coordinateType, CoordinateType.RATIO);
}

static endBoundingBoxProperties(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createBoundingBoxProperties(builder:flatbuffers.Builder, indexOffset:flatbuffers.Offset, type:BoundingBoxType, coordinateType:CoordinateType):flatbuffers.Offset {
  BoundingBoxProperties.startBoundingBoxProperties(builder);
  BoundingBoxProperties.addIndex(builder, indexOffset);
  BoundingBoxProperties.addType(builder, type);
  BoundingBoxProperties.addCoordinateType(builder, coordinateType);
  return BoundingBoxProperties.endBoundingBoxProperties(builder);
}
}
