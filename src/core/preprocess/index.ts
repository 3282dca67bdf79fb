// The strokes → model input pipeline, pure JavaScript and safe for the renderer. Node-only PNG loading lives in ./png.
export { MNIST_SIZE, type ModelInput } from './mnist-style';
export { MIN_DIGIT_SPAN_PX, PEN_FRACTION, strokeBounds, strokesToInk, strokesToModelInput, type StrokePoints } from './strokes';
