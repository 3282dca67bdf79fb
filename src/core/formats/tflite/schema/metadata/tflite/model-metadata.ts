// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { AssociatedFile } from '../tflite/associated-file';
import { SubGraphMetadata } from '../tflite/sub-graph-metadata';


export class ModelMetadata {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):ModelMetadata {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsModelMetadata(bb:flatbuffers.ByteBuffer, obj?:ModelMetadata):ModelMetadata {
  return (obj || new ModelMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsModelMetadata(bb:flatbuffers.ByteBuffer, obj?:ModelMetadata):ModelMetadata {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new ModelMetadata()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static bufferHasIdentifier(bb:flatbuffers.ByteBuffer):boolean {
  return bb.__has_identifier('M001');
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

version():string|null
version(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
version(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 8);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

subgraphMetadata(index: number, obj?:SubGraphMetadata):SubGraphMetadata|null {
  const offset = this.bb!.__offset(this.bb_pos, 10);
  return offset ? (obj || new SubGraphMetadata()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

subgraphMetadataLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 10);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

author():string|null
author(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
author(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 12);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

license():string|null
license(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
license(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 14);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

associatedFiles(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

associatedFilesLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 16);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

minParserVersion():string|null
minParserVersion(optionalEncoding:flatbuffers.Encoding):string|Uint8Array|null
minParserVersion(optionalEncoding?:any):string|Uint8Array|null {
  const offset = this.bb!.__offset(this.bb_pos, 18);
  return offset ? this.bb!.__string(this.bb_pos + offset, optionalEncoding) : null;
}

static startModelMetadata(builder:flatbuffers.Builder) {
  builder.startObject(8);
}

static addName(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, nameOffset, 0);
}

static addDescription(builder:flatbuffers.Builder, descriptionOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, descriptionOffset, 0);
}

static addVersion(builder:flatbuffers.Builder, versionOffset:flatbuffers.Offset) {
  builder.addFieldOffset(2, versionOffset, 0);
}

static addSubgraphMetadata(builder:flatbuffers.Builder, subgraphMetadataOffset:flatbuffers.Offset) {
  builder.addFieldOffset(3, subgraphMetadataOffset, 0);
}

static createSubgraphMetadataVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startSubgraphMetadataVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addAuthor(builder:flatbuffers.Builder, authorOffset:flatbuffers.Offset) {
  builder.addFieldOffset(4, authorOffset, 0);
}

static addLicense(builder:flatbuffers.Builder, licenseOffset:flatbuffers.Offset) {
  builder.addFieldOffset(5, licenseOffset, 0);
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

static addMinParserVersion(builder:flatbuffers.Builder, minParserVersionOffset:flatbuffers.Offset) {
  builder.addFieldOffset(7, minParserVersionOffset, 0);
}

static endModelMetadata(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static finishModelMetadataBuffer(builder:flatbuffers.Builder, offset:flatbuffers.Offset) {
  builder.finish(offset, 'M001');
}

static finishSizePrefixedModelMetadataBuffer(builder:flatbuffers.Builder, offset:flatbuffers.Offset) {
  builder.finish(offset, 'M001', true);
}

static createModelMetadata(builder:flatbuffers.Builder, nameOffset:flatbuffers.Offset, descriptionOffset:flatbuffers.Offset, versionOffset:flatbuffers.Offset, subgraphMetadataOffset:flatbuffers.Offset, authorOffset:flatbuffers.Offset, licenseOffset:flatbuffers.Offset, associatedFilesOffset:flatbuffers.Offset, minParserVersionOffset:flatbuffers.Offset):flatbuffers.Offset {
  ModelMetadata.startModelMetadata(builder);
  ModelMetadata.addName(builder, nameOffset);
  ModelMetadata.addDescription(builder, descriptionOffset);
  ModelMetadata.addVersion(builder, versionOffset);
  ModelMetadata.addSubgraphMetadata(builder, subgraphMetadataOffset);
  ModelMetadata.addAuthor(builder, authorOffset);
  ModelMetadata.addLicense(builder, licenseOffset);
  ModelMetadata.addAssociatedFiles(builder, associatedFilesOffset);
  ModelMetadata.addMinParserVersion(builder, minParserVersionOffset);
  return ModelMetadata.endModelMetadata(builder);
}
}
