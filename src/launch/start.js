// `npm start`: the desktop app where Electron's binary is installed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electron-binary.js';

if (!electronBinary()) {
  console.log('digit-studio: Electron\'s binary is not installed (its download failed: no internet?); the browser mode that replaces it is not built yet, use the CLI meanwhile: npm run cli -- --help');
  process.exit(1);
}
const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
const result = spawnSync(process.execPath, [cli, 'preview'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
