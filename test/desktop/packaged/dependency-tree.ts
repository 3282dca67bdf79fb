/**
 * Installed npm packages and what they pull in, found the way Node finds them (each dependency in the nearest
 * node_modules walking up from the package that needs it). Used on the packaged app to tell which shipped
 * packages the built main process can reach at all, and on the project to tell production packages from
 * development-only ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readPackageJson = (dir: string): PackageJson => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** The folder Node would load package `name` from when `fromDir` requires it, or null when none is installed. */
function findPackage(appDir: string, name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === appDir || !dir.startsWith(appDir)) return null;
  }
}

/** What a package needs at run time: its dependencies, optional ones, and peers it does not mark optional. */
function runtimeNeeds(pkg: PackageJson): string[] {
  const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional);
  return [...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }), ...peers];
}

/**
 * The installed packages reachable from `names` (required from `appDir`), as folders relative to `appDir`
 * with `/` separators (`node_modules/a`, `node_modules/a/node_modules/b`). Packages not installed are skipped:
 * optional dependencies that failed to install are normal.
 */
export function dependencyClosure(appDir: string, names: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string): void => {
    const dir = findPackage(appDir, name, fromDir);
    if (dir === null) return;
    const key = relative(appDir, dir).split(sep).join('/');
    if (found.has(key)) return;
    found.add(key);
    for (const need of runtimeNeeds(readPackageJson(dir))) visit(need, dir);
  };
  for (const name of names) visit(name, appDir);
  return found;
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
export function packageNameOfDir(dir: string): string {
  return dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The project's production packages (dependencies and optionalDependencies, with everything they need), by name. */
export function productionPackageNames(projectDir: string): Set<string> {
  const pkg = readPackageJson(projectDir);
  const closure = dependencyClosure(projectDir, Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }));
  return new Set([...closure].map(packageNameOfDir));
}
