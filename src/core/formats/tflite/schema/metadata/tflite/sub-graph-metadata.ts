// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { AssociatedFile } from '../tflite/associated-file';
import { CustomMetadata } from '../tflite/custom-metadata';
import { ProcessUnit } from '../tflite/process-unit';
import { TensorGroup } from '../tflite/tensor-group';
import { TensorMetadata } from '../tflite/tensor-metadata';


export class SubGraphMetadata {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):SubGraphMetadata {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsSubGraphMetadata(bb:flatbuffers.ByteBuffer, obj?:SubGraphMetadata):SubGraphMetadata {
  return (obj || new SubGraphMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsSubGraphMetadata(bb:flatbuffers.ByteBuffer, obj?:SubGraphMetadata):SubGraphMetadata {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new SubGraphMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
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

inputTensorMetadata(index: number, obj?:TensorMetadata):TensorMetadata|null {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? (obj || new TensorMetadata()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

inputTensorMetadataLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

outputTensorMetadata(index: number, obj?:TensorMetadata):TensorMetadata|null {
  const offset = this.bb!.__offset(this.bb_pos, 10);
  return offset ? (obj || new TensorMetadata()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

outputTensorMetadataLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 10);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

associatedFiles(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 12);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

associatedFilesLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 12);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

inputProcessUnits(index: number, obj?:ProcessUnit):ProcessUnit|null {
  const offset = this.bb!.__offset(this.bb_pos, 14);
  return offset ? (obj || new ProcessUnit()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

inputProcessUnitsLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 14);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

outputProcessUnits(index: number, obj?:ProcessUnit):ProcessUnit|null {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? (obj || new ProcessUnit()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

outputProcessUnitsLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

inputTensorGroups(index: number, obj?:TensorGroup):TensorGroup|null {
  const offset = this.bb!.__offset(this.bb_pos, 18);
  return offset ? (obj || new TensorGroup()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

inputTensorGroupsLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 18);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

outputTensorGroups(index: number, obj?:TensorGroup):TensorGroup|null {
  const offset = this.bb!.__offset(this.bb_pos, 20);
  return offset ? (obj || new TensorGroup()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

outputTensorGroupsLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 20);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

customMetadata(index: number, obj?:CustomMetadata):CustomMetadata|null {
  const offset = this.bb!.__offset(this.bb_pos, 22);
  return offset ? (obj || new CustomMetadata()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

customMetadataLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 22);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

static startSubGraphMetadata(builder:flatbuffers.Builder) {
  builder.startObject(10);
}

static addName(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, nameOffset, 0);
}

static addDescription(builder:flatbuffers.Builder, descriptionOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, descriptionOffset, 0);
}

static addInputTensorMetadata(builder:flatbuffers.Builder, inputTensorMetadataOffset:flatbuffers.Offset) {
  builder.addFieldOffset(2, inputTensorMetadataOffset, 0);
}

static createInputTensorMetadataVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startInputTensorMetadataVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addOutputTensorMetadata(builder:flatbuffers.Builder, outputTensorMetadataOffset:flatbuffers.Offset) {
  builder.addFieldOffset(3, outputTensorMetadataOffset, 0);
}

static createOutputTensorMetadataVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startOutputTensorMetadataVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addAssociatedFiles(builder:flatbuffers.Builder, associatedFilesOffset:flatbuffers.Offset) {
  builder.addFieldOffset(4, associatedFilesOffset, 0);
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

static addInputProcessUnits(builder:flatbuffers.Builder, inputProcessUnitsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(5, inputProcessUnitsOffset, 0);
}

static createInputProcessUnitsVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startInputProcessUnitsVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addOutputProcessUnits(builder:flatbuffers.Builder, outputProcessUnitsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(6, outputProcessUnitsOffset, 0);
}

static createOutputProcessUnitsVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startOutputProcessUnitsVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addInputTensorGroups(builder:flatbuffers.Builder, inputTensorGroupsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(7, inputTensorGroupsOffset, 0);
}

static createInputTensorGroupsVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startInputTensorGroupsVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addOutputTensorGroups(builder:flatbuffers.Builder, outputTensorGroupsOffset:flatbuffers.Offset) {
  builder.addFieldOffset(8, outputTensorGroupsOffset, 0);
}

static createOutputTensorGroupsVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startOutputTensorGroupsVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addCustomMetadata(builder:flatbuffers.Builder, customMetadataOffset:flatbuffers.Offset) {
  builder.addFieldOffset(9, customMetadataOffset, 0);
}

static createCustomMetadataVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startCustomMetadataVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static endSubGraphMetadata(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createSubGraphMetadata(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset, descriptionOffset:flatbuffers.Offset, inputTensorMetadataOffset:flatbuffers.Offset, outputTensorMetadataOffset:flatbuffers.Offset, associatedFilesOffset:flatbuffers.Offset, inputProcessUnitsOffset:flatbuffers.Offset, outputProcessUnitsOffset:flatbuffers.Offset, inputTensorGroupsOffset:flatbuffers.Offset, outputTensorGroupsOffset:flatbuffers.Offset, customMetadataOffset:flatbuffers.Offset):flatbuffers.Offset {
  SubGraphMetadata.startSubGraphMetadata(builder);
  SubGraphMetadata.addName(builder, nameOffset);
  SubGraphMetadata.addDescription(builder, descriptionOffset);
  SubGraphMetadata.addInputTensorMetadata(builder, inputTensorMetadataOffset);
  SubGraphMetadata.addOutputTensorMetadata(builder, outputTensorMetadataOffset);
  SubGraphMetadata.addAssociatedFiles(builder, associatedFilesOffset);
  SubGraphMetadata.addInputProcessUnits(builder, inputProcessUnitsOffset);
  SubGraphMetadata.addOutputProcessUnits(builder, outputProcessUnitsOffset);
  SubGraphMetadata.addInputTensorGroups(builder, inputTensorGroupsOffset);
  SubGraphMetadata.addOutputTensorGroups(builder, outputTensorGroupsOffset);
  SubGraphMetadata.addCustomMetadata(builder, customMetadataOffset);
  return SubGraphMetadata.endSubGraphMetadata(builder);
}
}
