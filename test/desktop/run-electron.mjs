// npm run test:electron: the desktop flows (test/desktop/desktop-flows.test.ts) in the real Electron app,
// driven by playwright's Electron support. Where Electron's binary is missing (no internet at `npm install`)
// it says so in one line and exits 0; `npm test` covers the same flows on the built files without it.
import { spawnSync } from 'node:child_process';
import { electronBinary } from '../../src/launch/electron-binary.js';

if (!electronBinary()) {
  console.log("test:electron: Electron's binary is not installed here (its download needs internet), so there is nothing to run; npm test covers the built app under the electron double.");
  process.exit(0);
}
const run = spawnSync('npx', ['vitest', 'run', 'test/desktop/desktop-flows.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DIGIT_STUDIO_DESKTOP: 'electron' },
});
process.exit(run.status ?? 1);
