// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import * as flatbuffers from 'flatbuffers';

import { AssociatedFile } from '../tflite/associated-file';


export class SentencePieceTokenizerOptions {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;
  __init(i:number, bb:flatbuffers.ByteBuffer):SentencePieceTokenizerOptions {
  this.bb_pos = i;
  this.bb = bb;
  return this;
}

static getRootAsSentencePieceTokenizerOptions(bb:flatbuffers.ByteBuffer, obj?:SentencePieceTokenizerOptions):SentencePieceTokenizerOptions {
  return (obj || new SentencePieceTokenizerOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

static getSizePrefixedRootAsSentencePieceTokenizerOptions(bb:flatbuffers.ByteBuffer, obj?:SentencePieceTokenizerOptions):SentencePieceTokenizerOptions {
  bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
  return (obj || new SentencePieceTokenizerOptions()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
}

sentencePieceModel(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

sentencePieceModelLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 4);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

vocabFile(index: number, obj?:AssociatedFile):AssociatedFile|null {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? (obj || new AssociatedFile()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
}

vocabFileLength():number {
  const offset = this.bb!.__offset(this.bb_pos, 6);
  return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
}

static startSentencePieceTokenizerOptions(builder:flatbuffers.Builder) {
  builder.startObject(2);
}

static addSentencePieceModel(builder:flatbuffers.Builder, sentencePieceModelOffset:flatbuffers.Offset) {
  builder.addFieldOffset(0, sentencePieceModelOffset, 0);
}

static createSentencePieceModelVector(builder:flatbuffers.Builder, data:flatbuffers.Offset[]):flatbuffers.Offset {
  builder.startVector(4, data.length, 4);
  for (let i = data.length - 1; i >= 0; i--) {
    builder.addOffset(data[i]!);
  }
  return builder.endVector();
}

static startSentencePieceModelVector(builder:flatbuffers.Builder, numElems:number) {
  builder.startVector(4, numElems, 4);
}

static addVocabFile(builder:flatbuffers.Builder, vocabFileOffset:flatbuffers.Offset) {
  builder.addFieldOffset(1, vocabFileOffset, 0);
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

static endSentencePieceTokenizerOptions(builder:flatbuffers.Builder):flatbuffers.Offset {
  const offset = builder.endObject();
  return offset;
}

static createSentencePieceTokenizerOptions(builder:flatbuffers.Builder, sentencePieceModelOffset:flatbuffers.Offset, vocabFileOffset:flatbuffers.Offset):flatbuffers.Offset {
  SentencePieceTokenizerOptions.startSentencePieceTokenizerOptions(builder);
  SentencePieceTokenizerOptions.addSentencePieceModel(builder, sentencePieceModelOffset);
  SentencePieceTokenizerOptions.addVocabFile(builder, vocabFileOffset);
  return SentencePieceTokenizerOptions.endSentencePieceTokenizerOptions(builder);
}
}
