// Pure preprocessing only: safe for the renderer. Node-only PNG loading lives in ./png.
export { rgbaToInk, type GrayImage } from './grayscale';
export { MNIST_SIZE, toMnistInput, type ModelInput } from './mnist-style';
export { MIN_DIGIT_SPAN_PX, PEN_FRACTION, strokeBounds, strokesToInk, strokesToModelInput, type StrokePoints } from './strokes';
