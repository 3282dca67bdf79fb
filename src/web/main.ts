/**
 * npm run web -- [--port N] [--no-open] [--user-dir DIR]
 * Starts the web mode and prints exactly one line with the address (token included) once it is ready.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppService } from '../core/service/app-service';
import { defaultUserDir } from '../core/service/user-dir';
import { spawnSourceWorker } from '../core/training/spawn-source-worker';
import { RENDERER_OUT, ensureRendererBuilt } from './renderer-build';
import { startWebServer } from './server';

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop browser: the printed address is enough
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'no-open': { type: 'boolean' }, 'user-dir': { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: expected a port number, got '${values.port}'`);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  await ensureRendererBuilt();
  const service = new AppService({
    version: pkg.version,
    shell: 'web',
    userDir: values['user-dir'] ?? defaultUserDir(),
    bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
    spawnWorker: spawnSourceWorker,
  });
  const server = await startWebServer(service, { port, staticDir: RENDERER_OUT });
  console.log(`Digit Studio at ${server.url}`);
  if (!values['no-open']) openBrowser(server.url);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`digit-studio: error: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
});
