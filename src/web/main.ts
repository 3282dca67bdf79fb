/**
 * npm run web -- [--port N] [--no-open] [--user-dir DIR]
 * Starts the web mode and prints exactly one line, with a one-time sign-in link, once it is ready.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppService } from '../core/service/app-service';
import { defaultUserDir } from '../core/service/user-dir';
import { lockUserDir } from '../core/service/user-dir-lock';
import { firstLine } from '../core/api/first-line';
import { installProcessGuard } from './failures';
import { openBrowser } from './open-browser';
import { RENDERER_OUT, ensureRendererBuilt } from './renderer-build';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'no-open': { type: 'boolean' }, 'user-dir': { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: expected a port number, got '${values.port}'`);
  const userDir = values['user-dir'] ?? defaultUserDir();
  // Refused here, before anything else, when another instance uses the folder; released when the process exits.
  lockUserDir(userDir, 'web');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  await ensureRendererBuilt();
  const service = new AppService({
    version: pkg.version,
    shell: 'web',
    userDir,
    bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
  });
  const server = await startWebServer(service, { port, staticDir: RENDERER_OUT });
  // Two links with two codes (why: session.ts): the printed one is never in any process's argv.
  console.log(`Digit Studio at ${server.signInUrl()}`);
  if (!values['no-open']) openBrowser(server.signInUrl());
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

installProcessGuard();
main().catch((error: unknown) => {
  console.error(`digit-studio: error: ${firstLine(error)}`);
  process.exit(1);
});
