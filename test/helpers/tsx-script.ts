/** A TypeScript snippet run in a child Node process (through tsx), for tests that must kill or isolate the code under test. */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';

/** Node's arguments that run `script` as an ES module with TypeScript imports; `nodeFlags` come first. */
export const tsxScriptArgs = (script: string, nodeFlags: string[] = []): string[] => [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script];

export function spawnTsxScript(script: string, options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, tsxScriptArgs(script), options);
}

export function runTsxScript(script: string, options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}, nodeFlags: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, tsxScriptArgs(script, nodeFlags), { ...options, encoding: 'utf8' });
}
