/**
 * Loads the packages the built main process imports, from an extracted copy of the packaged app, in a fresh
 * Node process: import-probe.mjs is placed beside the built main (out/main), so Node resolves each specifier
 * from where the main process resolves it, through the package's own node_modules only (the copy lives in a
 * temporary folder, with no node_modules above it). Importing, not just resolving, loads each package's whole
 * dependency tree, so a dependency electron-builder left out fails here as it would fail in the app.
 */
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SpecifierKind } from './built-references';

export type ProbeResult = { file: string } | { error: string };

const PROBE = join(import.meta.dirname, 'import-probe.mjs');

export async function loadInPackage(appDir: string, requests: Array<{ specifier: string; kind: SpecifierKind }>): Promise<Record<string, ProbeResult>> {
  const probe = join(appDir, 'out/main/.import-probe.mjs');
  await copyFile(PROBE, probe);
  // cwd outside the project too, so nothing can come from the repository's node_modules.
  const { stdout } = await promisify(execFile)(process.execPath, [probe, JSON.stringify(requests)], { cwd: appDir, timeout: 60_000, maxBuffer: 16 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, ProbeResult>;
}
