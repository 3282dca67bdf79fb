// Generated from metadata_schema.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import { AudioProperties } from '../tflite/audio-properties';
import { BoundingBoxProperties } from '../tflite/bounding-box-properties';
import { FeatureProperties } from '../tflite/feature-properties';
import { ImageProperties } from '../tflite/image-properties';


export enum ContentProperties {
  NONE = 0,
  FeatureProperties = 1,
  ImageProperties = 2,
  BoundingBoxProperties = 3,
  AudioProperties = 4
}

export function unionToContentProperties(
  type: ContentProperties,
  accessor: (obj:AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties) => AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties|null
): AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties|null {
  switch(ContentProperties[type]) {
    case 'NONE': return null; 
    case 'FeatureProperties': return accessor(new FeatureProperties())! as FeatureProperties;
    case 'ImageProperties': return accessor(new ImageProperties())! as ImageProperties;
    case 'BoundingBoxProperties': return accessor(new BoundingBoxProperties())! as BoundingBoxProperties;
    case 'AudioProperties': return accessor(new AudioProperties())! as AudioProperties;
    default: return null;
  }
}

export function unionListToContentProperties(
  type: ContentProperties, 
  accessor: (index: number, obj:AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties) => AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties|null, 
  index: number
): AudioProperties|BoundingBoxProperties|FeatureProperties|ImageProperties|null {
  switch(ContentProperties[type]) {
    case 'NONE': return null; 
    case 'FeatureProperties': return accessor(index, new FeatureProperties())! as FeatureProperties;
    case 'ImageProperties': return accessor(index, new ImageProperties())! as ImageProperties;
    case 'BoundingBoxProperties': return accessor(index, new BoundingBoxProperties())! as BoundingBoxProperties;
    case 'AudioProperties': return accessor(index, new AudioProperties())! as AudioProperties;
    default: return null;
  }
}
