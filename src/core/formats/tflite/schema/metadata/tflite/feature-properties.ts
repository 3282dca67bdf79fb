// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class FeatureProperties {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):FeatureProperties {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsFeatureProperties(bb:flatbuffers.ByteBuffer, obj?:FeatureProperties):FeatureProperties {
  return (obj || new FeatureProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsFeatureProperties(bb:flatbuffers.ByteBuffer, obj?:FeatureProperties):FeatureProperties {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new FeatureProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static startFeatureProperties(builder:flatbuffers.Builder) {
  builder.startObject(0);
}

static endFeatureProperties(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createFeatureProperties(builder:flatbuffers.Builder):flatbuffers.Offset {
  FeatureProperties.startFeatureProperties(builder);
  return FeatureProperties.endFeatureProperties(builder);
}
}
