/** What a library entry says of its layers (params, the one line, Keras' summary), made the way the service makes it. */
import { cnnLayers, KERAS_CNN } from '../../src/core/api/architecture';
import type { ModelEntry } from '../../src/core/api/contract';
import { denseLayers, type LayerSpec } from '../../src/core/api/layer-model';
import { mlpSpec } from '../../src/core/api/model-spec';
import { describeModel, modelSummary } from '../../src/core/api/model-summary';

export function layerFacts(layers: LayerSpec[]): Pick<ModelEntry, 'params' | 'layers' | 'summary'> {
  const summary = modelSummary(layers);
  return { params: summary.params, layers: describeModel(layers), summary };
}

/** 784 → 128 relu → 128 relu → 10 softmax: 118,282 parameters. */
export const MLP_FACTS = layerFacts(denseLayers(mlpSpec([128, 128])));
/** keras.io's mnist_convnet: 34,826 parameters. */
export const CNN_FACTS = layerFacts(cnnLayers(KERAS_CNN));
