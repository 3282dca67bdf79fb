// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { AssociatedFile } from '../tflite/associated-file';
import { Content } from '../tflite/content';
import { ProcessUnit } from '../tflite/process-unit';
import { Stats } from '../tflite/stats';


export class TensorMetadata {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):TensorMetadata {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsTensorMetadata(bb:flatbuffers.ByteBuffer, obj?:TensorMetadata):TensorMetadata {
  return (obj || new TensorMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsTensorMetadata(bb:flatbuffers.ByteBuffer, obj?:TensorMetadata):TensorMetadata {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new TensorMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

name():string|null
name(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
name(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

description():string|null
description(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
description(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

dimensionNames(index: number):string
dimensionNames(index: number,optionalEncoding:flatbuffers.Encoding):string|Uint8Array
dimensionNames(index: number,optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? this.bb!.__string(this.bb!.__vector(this.bb_pos + offset) + index * 4, optionalEncoding) : null;
}

dimensionNamesLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

content(obj?:Content):Content|null {
  const offset = this.bb!.__offset(this.bb_pos, 10);
  return offset ? (obj || new Content()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
}

processUnits(index: number, obj?:ProcessUnit):ProcessUnit|null {
  const offset = this.bb!.__offset(this.bb_pos, 12);
  return offset ? (obj || new ProcessUnit()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

processUnitsLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 12);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

stats(obj?:Stats):Stats|null {
  const offset = this.bb!.__offset(this.bb_pos, 14);
  return offset ? (obj || new Stats()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
}

associatedFiles(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

associatedFilesLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

static startTensorMetadata(builder:flatbuffers.Builder) {
  builder.startObject(7);
}

static addName(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, nameOffset, 0);
}

static addDescription(builder:flatbuffers.Builder, descriptionOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, descriptionOffset, 0);
}

static addDimensionNames(builder:flatbuffers.Builder, dimensionNamesOffset:flatbuffers.Offset) {
  builder.addFieldOffset(2, dimensionNamesOffset, 0);
}

static createDimensionNamesVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startDimensionNamesVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addContent(builder:flatbuffers.Builder, contentOffset:flatbuffers.Offset) {
  builder.addFieldOffset(3, contentOffset, 0);
}

static addProcessUnits(builder:flatbuffers.Builder, processUnitsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(4, processUnitsOffset, 0);
}

static createProcessUnitsVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startProcessUnitsVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addStats(builder:flatbuffers.Builder, statsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(5, statsOffset, 0);
}

static addAssociatedFiles(builder:flatbuffers.Builder, associatedFilesOffset:flatbuffers.Offset) {
  builder.addFieldOffset(6, associatedFilesOffset, 0);
}

static createAssociatedFilesVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startAssociatedFilesVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static endTensorMetadata(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

}
