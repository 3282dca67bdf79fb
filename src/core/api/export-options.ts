/**
 * The choices a TFLite export offers, in one place for the writer, the CLI and the API contract. Pure (no
 * imports), so the renderer can use them too.
 */
export const QUANTIZATIONS = ['none', 'float16', 'int8'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

export const INPUT_SHAPES = ['784', '28x28'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

export const LABEL_STYLES = ['words', 'digits'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];
