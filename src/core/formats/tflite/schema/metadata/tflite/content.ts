// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { ContentProperties, unionToContentProperties, unionListToContentProperties } from '../tflite/content-properties';
import { ValueRange } from '../tflite/value-range';


export class Content {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):Content {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsContent(bb:flatbuffers.ByteBuffer, obj?:Content):Content {
  return (obj || new Content()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsContent(bb:flatbuffers.ByteBuffer, obj?:Content):Content {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new Content()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

contentPropertiesType():ContentProperties {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readUint8(this.bb_pos + offset) : ContentProperties.NONE;
}

contentProperties<T extends flatbuffers.Table>(obj:any):any|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
}

range(obj?:ValueRange):ValueRange|null {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? (obj || new ValueRange()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
}

static startContent(builder:flatbuffers.Builder) {
  builder.startObject(3);
}

static addContentPropertiesType(builder:flatbuffers.Builder, contentPropertiesType:ContentProperties) {
  builder.addFieldInt8(0, contentPropertiesType, ContentProperties.NONE);
}

static addContentProperties(builder:flatbuffers.Builder, contentPropertiesOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, contentPropertiesOffset, 0);
}

static addRange(builder:flatbuffers.Builder, rangeOffset:flatbuffers.Offset) {
  builder.addFieldOffset(2, rangeOffset, 0);
}

static endContent(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

}
