/**
 * A local stand-in for Electron's Linux distribution (the unpacked electron-vX-linux-x64.zip), so that
 * electron-builder packages the app without downloading anything (config `electronDist` pointing at a folder:
 * app-builder-lib copies it as "a custom unpacked Electron distribution", then renames `electron` to the app's
 * executable). The `electron` file is not a program, but it carries a real fuse wire: the sentinel
 * @electron/fuses searches for, the wire version, its length and one state byte per fuse, set to Electron's
 * defaults. So electron-builder's real fuse flipping runs on it and the test can read the result back.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseVersion } from '@electron/fuses';
// The package's index does not re-export these; the sentinel and state bytes are what it searches and writes.
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';

/**
 * Electron's fuse defaults, in wire order (electron/electron build/fuses/fuses.json5): run_as_node,
 * cookie_encryption, node_options, node_cli_inspect, embedded_asar_integrity_validation,
 * only_load_app_from_asar, load_browser_process_specific_v8_snapshot, grant_file_protocol_extra_privileges,
 * wasm_trap_handlers. The last is newer than @electron/fuses' FuseV1Options, as in the real binary, so a fuse
 * the library does not know must survive the flip untouched.
 */
const ELECTRON_DEFAULT_FUSES = [true, false, true, true, false, false, false, true, true] as const;

export const FUSE_WIRE_LENGTH = ELECTRON_DEFAULT_FUSES.length;

/** The fuse wire as it sits in Electron's binary: sentinel, version, length, one byte per fuse. */
function fuseWire(): Buffer {
  const states = ELECTRON_DEFAULT_FUSES.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  return Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([Number(FuseVersion.V1), states.length, ...states])]);
}

/** Electron's default state of the fuse at `index` in the wire. */
export function electronDefaultFuse(index: number): boolean {
  return ELECTRON_DEFAULT_FUSES[index];
}

/**
 * Writes the stand-in distribution into `dir`: the executable (a shell script that says what it is, followed by
 * the fuse wire, as the wire sits somewhere inside the real binary), Electron's license files and version file,
 * and an empty resources/ folder (the real one holds only default_app.asar, which a package must not ship).
 */
export async function writeElectronStandIn(dir: string, electronVersion: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (test/desktop/packaged)" >&2\nexit 1\n');
  await writeFile(join(dir, 'electron'), Buffer.concat([script, Buffer.alloc(64), fuseWire(), Buffer.alloc(64)]));
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Electron license (stand-in)\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!-- Chromium licenses (stand-in) -->\n');
  await writeFile(join(dir, 'version'), electronVersion);
}
