// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

export class AudioProperties {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):AudioProperties {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsAudioProperties(bb:flatbuffers.ByteBuffer, obj?:AudioProperties):AudioProperties {
  return (obj || new AudioProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsAudioProperties(bb:flatbuffers.ByteBuffer, obj?:AudioProperties):AudioProperties {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new AudioProperties()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

sampleRate():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
}

channels():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
}

static startAudioProperties(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addSampleRate(builder:flatbuffers.Builder, sampleRate:number) {
  builder.addFieldInt32(0, sampleRate, 0);
}

static addChannels(builder:flatbuffers.Builder, channels:number) {
  builder.addFieldInt32(1, channels, 0);
}

static endAudioProperties(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createAudioProperties(builder:flatbuffers.Builder, sampleRate:number, channels:number):flatbuffers.Offset {
  AudioProperties.startAudioProperties(builder);
  AudioProperties.addSampleRate(builder, sampleRate);
  AudioProperties.addChannels(builder, channels);
  return AudioProperties.endAudioProperties(builder);
}
}
