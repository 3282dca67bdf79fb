// `npm start`: the desktop app where Electron's binary is installed; otherwise the same app in the browser.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronViteCli } from './electron-binary.js';

const args = process.argv.slice(2);
let result;
if (electronBinary()) {
  result = spawnSync(process.execPath, [electronViteCli(), 'preview', ...args], { stdio: 'inherit' });
} else {
  console.log("digit-studio: Electron's binary is not installed (its download failed: no internet?), so the app opens in your browser instead.");
  result = spawnSync(process.execPath, [fileURLToPath(new URL('./web.js', import.meta.url)), ...args], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
