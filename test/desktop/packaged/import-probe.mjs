/**
 * Run with Node from inside an extracted copy of the packaged app (placed beside the built main process), so
 * that every specifier resolves exactly as the main process resolves it: from out/main, through the package's
 * own node_modules and nothing outside it. argv[2] is a JSON list of { specifier, kind }: `import` loads the
 * module (which loads its whole dependency tree too), `require.resolve` only resolves it, as the main process
 * does for package.json lookups. Prints one JSON object: specifier → { file } or { error }.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requests = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
const results = {};
for (const { specifier, kind } of requests) {
  try {
    if (kind === 'import') {
      await import(specifier);
      results[specifier] = { file: fileURLToPath(import.meta.resolve(specifier)) };
    } else {
      results[specifier] = { file: require.resolve(specifier) };
    }
  } catch (error) {
    results[specifier] = { error: String(error?.message ?? error).split('\n')[0] };
  }
}
// Loaded libraries may keep timers or print banners: the result is the last line, and the process exits now.
process.stdout.write(`\n${JSON.stringify(results)}\n`);
process.exit(0);
