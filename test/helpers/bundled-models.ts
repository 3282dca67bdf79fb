/** The app's bundled models as the library lists them: each model .json in resources/models, in name order. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLED_DIR = fileURLToPath(new URL('../../resources/models/', import.meta.url));

export const BUNDLED_IDS: readonly string[] = readdirSync(BUNDLED_DIR)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.meta.json'))
  .sort()
  .map((file) => `bundled-${file.slice(0, -'.json'.length)}`);

/** listModels' sources before the user's own models: one 'bundled' per bundled model. */
export const BUNDLED_SOURCES: readonly string[] = BUNDLED_IDS.map(() => 'bundled');
