// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { AssociatedFile } from '../tflite/associated-file';


export class BertTokenizerOptions {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):BertTokenizerOptions {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsBertTokenizerOptions(bb:flatbuffers.ByteBuffer, obj?:BertTokenizerOptions):BertTokenizerOptions {
  return (obj || new BertTokenizerOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsBertTokenizerOptions(bb:flatbuffers.ByteBuffer, obj?:BertTokenizerOptions):BertTokenizerOptions {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new BertTokenizerOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

vocabFile(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

vocabFileLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

static startBertTokenizerOptions(builder:flatbuffers.Builder) {
  builder.startObject(1);
}

static addVocabFile(builder:flatbuffers.Builder, vocabFileOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, vocabFileOffset, 0);
}

static createVocabFileVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startVocabFileVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static endBertTokenizerOptions(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createBertTokenizerOptions(builder:flatbuffers.Builder, vocabFileOffset:flatbuffers.Offset):flatbuffers.Offset {
  BertTokenizerOptions.startBertTokenizerOptions(builder);
  BertTokenizerOptions.addVocabFile(builder, vocabFileOffset);
  return BertTokenizerOptions.endBertTokenizerOptions(builder);
}
}
