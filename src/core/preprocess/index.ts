// Pure preprocessing only: safe for the renderer. Node-only PNG loading lives in ./png.
export { rgbaToInk, type GrayImage } from './grayscale';
export { MNIST_SIZE, toMnistInput, type ModelInput } from './mnist-style';
