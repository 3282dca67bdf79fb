// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { ProcessUnitOptions, unionToProcessUnitOptions, unionListToProcessUnitOptions } from '../tflite/process-unit-options';


export class ProcessUnit {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ProcessUnit {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsProcessUnit(bb:flatbuffers.ByteBuffer, obj?:ProcessUnit):ProcessUnit {
  return (obj || new ProcessUnit()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsProcessUnit(bb:flatbuffers.ByteBuffer, obj?:ProcessUnit):ProcessUnit {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ProcessUnit()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

optionsType():ProcessUnitOptions {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.readUint8(this.bb_pos + offset) : ProcessUnitOptions.NONE;
}

options<T extends flatbuffers.Table>(obj:any):any|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
}

static startProcessUnit(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addOptionsType(builder:flatbuffers.Builder, optionsType:ProcessUnitOptions) {
  builder.addFieldInt8(0, optionsType, ProcessUnitOptions.NONE);
}

static addOptions(builder:flatbuffers.Builder, optionsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, optionsOffset, 0);
}

static endProcessUnit(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createProcessUnit(builder:flatbuffers.Builder, optionsType:ProcessUnitOptions, optionsOffset:flatbuffers.Offset):flatbuffers.Offset {
  ProcessUnit.startProcessUnit(builder);
  ProcessUnit.addOptionsType(builder, optionsType);
  ProcessUnit.addOptions(builder, optionsOffset);
  return ProcessUnit.endProcessUnit(builder);
}
}
