// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import { BertTokenizerOptions } from '../tflite/bert-tokenizer-options';
import { NormalizationOptions } from '../tflite/normalization-options';
import { RegexTokenizerOptions } from '../tflite/regex-tokenizer-options';
import { ScoreCalibrationOptions } from '../tflite/score-calibration-options';
import { ScoreThresholdingOptions } from '../tflite/score-thresholding-options';
import { SentencePieceTokenizerOptions } from '../tflite/sentence-piece-tokenizer-options';


export enum ProcessUnitOptions {
  NONE = 0,
  NormalizationOptions = 1,
  ScoreCalibrationOptions = 2,
  ScoreThresholdingOptions = 3,
  BertTokenizerOptions = 4,
  SentencePieceTokenizerOptions = 5,
  RegexTokenizerOptions = 6
}

export function unionToProcessUnitOptions(
  type: ProcessUnitOptions,
  accessor: (obj:BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions) => BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions|null
): BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions|null {
  switch(ProcessUnitOptions[type]) {
    case 'NONE': return null; 
    case 'NormalizationOptions': return accessor(new NormalizationOptions())! as NormalizationOptions;
    case 'ScoreCalibrationOptions': return accessor(new ScoreCalibrationOptions())! as ScoreCalibrationOptions;
    case 'ScoreThresholdingOptions': return accessor(new ScoreThresholdingOptions())! as ScoreThresholdingOptions;
    case 'BertTokenizerOptions': return accessor(new BertTokenizerOptions())! as BertTokenizerOptions;
    case 'SentencePieceTokenizerOptions': return accessor(new SentencePieceTokenizerOptions())! as SentencePieceTokenizerOptions;
    case 'RegexTokenizerOptions': return accessor(new RegexTokenizerOptions())! as RegexTokenizerOptions;
    default: return null;
  }
}

export function unionListToProcessUnitOptions(
  type: ProcessUnitOptions, 
  accessor: (index: number, obj:BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions) => BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions|null, 
  index: number
): BertTokenizerOptions|NormalizationOptions|RegexTokenizerOptions|ScoreCalibrationOptions|ScoreThresholdingOptions|SentencePieceTokenizerOptions|null {
  switch(ProcessUnitOptions[type]) {
    case 'NONE': return null; 
    case 'NormalizationOptions': return accessor(index, new NormalizationOptions())! as NormalizationOptions;
    case 'ScoreCalibrationOptions': return accessor(index, new ScoreCalibrationOptions())! as ScoreCalibrationOptions;
    case 'ScoreThresholdingOptions': return accessor(index, new ScoreThresholdingOptions())! as ScoreThresholdingOptions;
    case 'BertTokenizerOptions': return accessor(index, new BertTokenizerOptions())! as BertTokenizerOptions;
    case 'SentencePieceTokenizerOptions': return accessor(index, new SentencePieceTokenizerOptions())! as SentencePieceTokenizerOptions;
    case 'RegexTokenizerOptions': return accessor(index, new RegexTokenizerOptions())! as RegexTokenizerOptions;
    default: return null;
  }
}
