/**
 * optimizer.json beside a model trained in the app: the epochs its run trained and the optimizer state it ended with
 * (training/optimizer-state.ts), arrays as base64 float32 as getModel carries weights. It is what lets the model be
 * continued for more epochs with its own optimizer. Checked when read: a damaged file is named, never half-used.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { base64ToFloats, floatsToBase64 } from '../api/base64';
import { OPTIMIZERS } from '../api/model-spec';
import type { ContinueFrom } from '../training/optimizer-state';
import { fileProblem } from './failure-message';
import { OPTIMIZER_FILE } from './library-layout';

const arrays = z.object({ kernel: z.string(), bias: z.string() }).strict();
const fileSchema = z
  .object({
    epochs: z.number().int().min(0),
    optimizer: z.object({ optimizer: z.enum(OPTIMIZERS), iterations: z.number().int().min(0), slots: z.array(z.array(arrays)).max(2) }).strict(),
  })
  .strict();

export function encodeOptimizerFile({ epochs, optimizer }: ContinueFrom): string {
  const slots = optimizer.slots.map((slot) => slot.map((w) => ({ kernel: floatsToBase64(w.kernel), bias: floatsToBase64(w.bias) })));
  return JSON.stringify({ epochs, optimizer: { ...optimizer, slots } });
}

/** The state saved in a model folder; null when it has none (an import, or a model saved before the app kept it). */
export async function readOptimizerFile(dir: string): Promise<ContinueFrom | null> {
  let text: string;
  try {
    text = await readFile(join(dir, OPTIMIZER_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${OPTIMIZER_FILE} cannot be read: ${fileProblem(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${OPTIMIZER_FILE} is not valid JSON`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${OPTIMIZER_FILE}: ${parsed.error.issues[0].path.join('.') || 'file'}: ${parsed.error.issues[0].message}`);
  const { epochs, optimizer } = parsed.data;
  try {
    const slots = optimizer.slots.map((slot) => slot.map((w) => ({ kernel: base64ToFloats(w.kernel), bias: base64ToFloats(w.bias) })));
    return { epochs, optimizer: { ...optimizer, slots } };
  } catch {
    throw new Error(`${OPTIMIZER_FILE}: an array is not float32 data`);
  }
}
