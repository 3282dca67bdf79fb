// After `npm install`: fetch Electron's binary (Electron >= 36 no longer does this at install time).
// Where it cannot be downloaded (offline, blocked), say so in one line and carry on: the CLI works without it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronPackageDir } from './electron-binary.js';

const dir = electronPackageDir();
if (dir && !electronBinary()) {
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 10 * 60_000 });
  if (result.status !== 0) {
    console.log('digit-studio: the Electron binary could not be downloaded, so the desktop window is unavailable here; the CLI works (npm run cli -- --help).');
  }
}
