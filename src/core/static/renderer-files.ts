/**
 * The built renderer's files as the app serves them: to the desktop window through its app:// protocol and to
 * the browser in web mode. One resolver for both, so a request path can never name a file outside the renderer
 * folder (no `..`, no encoded escapes, no symlink out of it, regular files only) and every file gets its MIME
 * type and the same Content-Security-Policy.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Far above the largest built asset (~1.2 MB), far below what could strain memory. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type RendererFile = { status: 200; body: Buffer; contentType: string } | { status: 400 | 404 };

/**
 * The file a decoded URL path names under `root` (`/` is index.html). 400 for a path that tries to climb out;
 * 404 for anything that is not a regular file inside the folder.
 */
export async function readRendererFile(root: string, path: string): Promise<RendererFile> {
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return { status: 400 };
  const relativePath = path === '/' ? 'index.html' : path.slice(1);
  let file;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, relativePath));
    const inside = relative(realRoot, real);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') return { status: 404 };
    // Non-blocking, so a FIFO planted in the folder cannot hang the server; fstat below refuses it.
    file = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { status: 404 };
  }
  try {
    const info = await file.stat();
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return { status: 404 };
    return { status: 200, body: await file.readFile(), contentType: MIME_TYPES[extname(relativePath).toLowerCase()] ?? 'application/octet-stream' };
  } finally {
    await file.close();
  }
}

/**
 * The renderer's Content-Security-Policy: only its own files, WebAssembly compilation but no eval, no plugins,
 * no framing. `connect` lists what the page may talk to besides its own origin (web mode's WebSocket).
 */
export function rendererContentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
