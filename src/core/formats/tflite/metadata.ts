/**
 * TFLite Model Metadata (tensorflow/tflite-support's metadata_schema.fbs, file identifier "M001") for an exported
 * digit classifier, written with the bindings generated from that schema. What MediaPipe's ImageClassifier, the
 * Task Library / ML Kit and Android Studio's ML Model Binding read from it: the input's ImageProperties (RGB for the
 * [1,28,28,3] form, the only one they accept) and, for float32 input, NormalizationOptions (mean 0, std 255: the
 * model reads pixels/255); the output's name and the labels file as a TENSOR_AXIS_LABELS AssociatedFile, whose bytes
 * travel in the zip appended to the model (stored-zip.ts). The flat and [1,28,28,1] forms get honest metadata
 * too (a feature vector, a grayscale image): those consumers refuse them, but apps that read labels from the
 * metadata (tflite_flutter helpers, Android Studio's model view) still find them.
 */
import * as flatbuffers from 'flatbuffers';
import type { InputEncoding } from '../../api/export-options';
import {
  AssociatedFile,
  AssociatedFileType,
  ColorSpaceType,
  Content,
  ContentProperties,
  FeatureProperties,
  ImageProperties,
  ModelMetadata,
  NormalizationOptions,
  ProcessUnit,
  ProcessUnitOptions,
  Stats,
  SubGraphMetadata,
  TensorMetadata,
} from './schema/metadata/metadata_schema_generated';

/** The name of the metadata entry in Model.metadata that consumers look for (exact, case-sensitive). */
export const METADATA_NAME = 'TFLITE_METADATA';
/** The AssociatedFile name, which is also the entry's name in the appended zip. */
export const LABELS_FILE = 'labels.txt';
export const AUTHOR = 'Digit Studio';
const LICENSE = 'MIT';
/**
 * tflite-support's writer sets min_parser_version to the oldest schema version that has every field it wrote
 * (metadata_version.cc). Everything here (names, descriptions, ImageProperties, FeatureProperties,
 * NormalizationOptions, Stats, TENSOR_AXIS_LABELS files without `version`) is in schema 1.0.0; none of the members
 * that raise it (process units on the subgraph, tokenizers, tensor groups, audio, custom metadata, …) is written.
 */
const MIN_PARSER_VERSION = '1.0.0';
/** What MNIST pixels/255 means as NormalizationOptions: (pixel − 0) / 255. */
const PIXEL_MEAN = 0;
const PIXEL_STD = 255;

export interface MetadataContent {
  name: string;
  description: string;
  version: string;
  input: InputEncoding;
  classes: number;
}

/** What the input tensor takes, in words. */
function inputDescription({ inputShape, inputType = 'float32', invert = false }: InputEncoding): string {
  const form = {
    '784': '784 pixels of a 28×28 image, row by row',
    '28x28': 'a 28×28 grayscale image',
    '28x28x3': 'a 28×28 RGB image (the graph averages the channels to gray)',
  }[inputShape];
  const values = {
    uint8: 'uint8 pixels 0–255 (scaled to 0–1 inside the graph)',
    int8: 'int8 pixel − 128 (scale 1/255, zero point −128: pixels/255 inside the graph)',
    float32: 'float32 pixels/255 (0–1)',
  }[inputType];
  const polarity = invert ? 'dark digit on a light background (inverted to MNIST\u2019s white on black inside the graph)' : 'white digit on a black background, as in MNIST';
  return `${form}; ${values}; ${polarity}. Crop and centre the digit as MNIST does (20×20 box, centre of mass at 14,14) before feeding it: that step is not in the graph.`;
}

function content(b: flatbuffers.Builder, type: ContentProperties, properties: flatbuffers.Offset): flatbuffers.Offset {
  Content.startContent(b);
  Content.addContentPropertiesType(b, type);
  Content.addContentProperties(b, properties);
  return Content.endContent(b);
}

function stats(b: flatbuffers.Builder, min: number, max: number): flatbuffers.Offset {
  return Stats.createStats(b, Stats.createMaxVector(b, [max]), Stats.createMinVector(b, [min]));
}

function inputMetadata(b: flatbuffers.Builder, input: InputEncoding): flatbuffers.Offset {
  const name = b.createString('image');
  const description = b.createString(inputDescription(input));
  let properties: flatbuffers.Offset;
  if (input.inputShape === '784') {
    properties = content(b, ContentProperties.FeatureProperties, FeatureProperties.createFeatureProperties(b));
  } else {
    ImageProperties.startImageProperties(b);
    ImageProperties.addColorSpace(b, input.inputShape === '28x28x3' ? ColorSpaceType.RGB : ColorSpaceType.GRAYSCALE);
    properties = content(b, ContentProperties.ImageProperties, ImageProperties.endImageProperties(b));
  }
  // Quantized inputs take pixels through their tensor's quantization, which consumers apply: no NormalizationOptions.
  const float = (input.inputType ?? 'float32') === 'float32';
  const processUnits = float
    ? TensorMetadata.createProcessUnitsVector(b, [
        ProcessUnit.createProcessUnit(
          b,
          ProcessUnitOptions.NormalizationOptions,
          NormalizationOptions.createNormalizationOptions(b, NormalizationOptions.createMeanVector(b, [PIXEL_MEAN]), NormalizationOptions.createStdVector(b, [PIXEL_STD])),
        ),
      ])
    : 0;
  // The range of the tensor's values, after normalization for float32 (as tflite-support's image writers record it).
  const range = float ? stats(b, (0 - PIXEL_MEAN) / PIXEL_STD, (255 - PIXEL_MEAN) / PIXEL_STD) : input.inputType === 'int8' ? stats(b, -128, 127) : stats(b, 0, 255);
  TensorMetadata.startTensorMetadata(b);
  TensorMetadata.addName(b, name);
  TensorMetadata.addDescription(b, description);
  TensorMetadata.addContent(b, properties);
  if (processUnits) TensorMetadata.addProcessUnits(b, processUnits);
  TensorMetadata.addStats(b, range);
  return TensorMetadata.endTensorMetadata(b);
}

function outputMetadata(b: flatbuffers.Builder, classes: number): flatbuffers.Offset {
  const name = b.createString('probability');
  const description = b.createString(`Probabilities of the ${classes} digits 0–9 (softmax), in the order of ${LABELS_FILE}.`);
  const properties = content(b, ContentProperties.FeatureProperties, FeatureProperties.createFeatureProperties(b));
  const labels = AssociatedFile.createAssociatedFile(
    b,
    b.createString(LABELS_FILE),
    b.createString('One label per output index, line by line.'),
    AssociatedFileType.TENSOR_AXIS_LABELS,
    0,
    0,
  );
  const files = TensorMetadata.createAssociatedFilesVector(b, [labels]);
  const range = stats(b, 0, 1);
  TensorMetadata.startTensorMetadata(b);
  TensorMetadata.addName(b, name);
  TensorMetadata.addDescription(b, description);
  TensorMetadata.addContent(b, properties);
  TensorMetadata.addStats(b, range);
  TensorMetadata.addAssociatedFiles(b, files);
  return TensorMetadata.endTensorMetadata(b);
}

/** The ModelMetadata flatbuffer ("M001") to store in a Model.buffers entry named by METADATA_NAME. */
export function modelMetadataBytes(about: MetadataContent): Uint8Array {
  const b = new flatbuffers.Builder(2048);
  const subgraph = SubGraphMetadata.createSubGraphMetadata(
    b,
    b.createString('digit classifier'),
    0,
    SubGraphMetadata.createInputTensorMetadataVector(b, [inputMetadata(b, about.input)]),
    SubGraphMetadata.createOutputTensorMetadataVector(b, [outputMetadata(b, about.classes)]),
    0,
    0,
    0,
    0,
    0,
    0,
  );
  const model = ModelMetadata.createModelMetadata(
    b,
    b.createString(about.name),
    b.createString(about.description),
    b.createString(about.version),
    ModelMetadata.createSubgraphMetadataVector(b, [subgraph]),
    b.createString(AUTHOR),
    b.createString(LICENSE),
    0,
    b.createString(MIN_PARSER_VERSION),
  );
  ModelMetadata.finishModelMetadataBuffer(b, model);
  return b.asUint8Array();
}
