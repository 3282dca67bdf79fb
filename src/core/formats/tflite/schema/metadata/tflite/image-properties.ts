// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { ColorSpaceType } from '../tflite/color-space-type';
import { ImageSize } from '../tflite/image-size';


export class ImageProperties {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ImageProperties {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsImageProperties(bb:flatbuffers.ByteBuffer, obj?:ImageProperties):ImageProperties {
  return (obj || new ImageProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsImageProperties(bb:flatbuffers.ByteBuffer, obj?:ImageProperties):ImageProperties {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ImageProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

colorSpace():ColorSpaceType {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readInt8(this.bb_pos + offset) : ColorSpaceType.UNKNOWN;
}

defaultSize(obj?:ImageSize):ImageSize|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? (obj || new ImageSize()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
}

static startImageProperties(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addColorSpace(builder:flatbuffers.Builder, colorSpace:ColorSpaceType) {
  builder.addFieldInt8(0, colorSpace, ColorSpaceType.UNKNOWN);
}

static addDefaultSize(builder:flatbuffers.Builder, defaultSizeOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, defaultSizeOffset, 0);
}

static endImageProperties(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

}
