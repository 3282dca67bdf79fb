/**
 * meta.json of a library model, checked field by field: a hand-edited, foreign or copied file makes only its own
 * entry "damaged" instead of breaking the list, or the pages that show its fields.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MODEL_ID_PATTERN } from '../api/contract';
import { BACKENDS } from '../api/backends';
import { trainConfigSchema } from '../api/train-config';
import { fileProblem } from './failure-message';
import { META_FILE } from './library-layout';

const metaSchema = z.object({
  id: z.string().regex(MODEL_ID_PATTERN),
  name: z.string().min(1).max(255),
  source: z.enum(['trained', 'imported']),
  createdAt: z.iso.datetime(),
  testAccuracy: z.number().min(0).max(1).nullable(),
  // Not strict: a settings field added by a newer version is dropped, it does not make the model damaged.
  config: z.object(trainConfigSchema.shape).nullable(),
  backend: z.enum(BACKENDS).nullable(),
});

export type ModelMeta = z.infer<typeof metaSchema>;

/** Why a library entry is not a usable model; the message is what the Models page shows. */
export class DamagedModelError extends Error {}

function unreadable(error: unknown): DamagedModelError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DamagedModelError('meta.json is missing');
  if (code === 'ENOTDIR') return new DamagedModelError('not a model folder');
  return new DamagedModelError(`meta.json cannot be read: ${fileProblem(error)}`);
}

/** The checked meta.json of the library entry `folder` in `dir`; a DamagedModelError says what is wrong. */
export async function readMeta(dir: string, folder: string): Promise<ModelMeta> {
  let text: string;
  try {
    text = await readFile(join(dir, META_FILE), 'utf8');
  } catch (error) {
    throw unreadable(error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DamagedModelError('meta.json is not valid JSON');
  }
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DamagedModelError(`meta.json: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  // A copied folder carries the original's meta.json: listing it would show one model twice under one id.
  if (parsed.data.id !== folder) throw new DamagedModelError(`a copy of model ${parsed.data.id} (its meta.json names that model's folder)`);
  return parsed.data;
}
