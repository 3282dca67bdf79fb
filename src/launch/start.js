// `npm start`: the desktop app where Electron's binary is installed; otherwise the same app in the browser.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const args = process.argv.slice(2);
let result;
if (electronBinary()) {
  // electron-vite's exports map hides bin/, so resolving the bin path itself throws; find it beside package.json.
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  result = spawnSync(process.execPath, [cli, 'preview', ...args], { stdio: 'inherit' });
} else {
  console.log("digit-studio: Electron's binary is not installed (its download failed: no internet?), so the app opens in your browser instead.");
  result = spawnSync(process.execPath, [fileURLToPath(new URL('./web.js', import.meta.url)), ...args], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
