// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class ImageSize {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ImageSize {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsImageSize(bb:flatbuffers.ByteBuffer, obj?:ImageSize):ImageSize {
  return (obj || new ImageSize()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsImageSize(bb:flatbuffers.ByteBuffer, obj?:ImageSize):ImageSize {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ImageSize()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

width():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
}

height():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
}

static startImageSize(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addWidth(builder:flatbuffers.Builder, width:number) {
  builder.addFieldInt32(0, width, 0);
}

static addHeight(builder:flatbuffers.Builder, height:number) {
  builder.addFieldInt32(1, height, 0);
}

static endImageSize(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createImageSize(builder:flatbuffers.Builder, width:number, height:number):flatbuffers.Offset {
  ImageSize.startImageSize(builder);
  ImageSize.addWidth(builder, width);
  ImageSize.addHeight(builder, height);
  return ImageSize.endImageSize(builder);
}
}
