/**
 * Who may talk to the web mode: only a page served by this server (same Origin and Host, so neither another
 * site in the user's browser nor a DNS-rebinding page gets in) that knows the per-run token from the URL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Host must be ours; Origin, when the client sends one (browsers always do for WebSockets), too. */
export function requestAllowed(request: IncomingMessage, port: number, requireOrigin: boolean): boolean {
  const hosts = allowedHosts(port);
  if (!hosts.has(request.headers.host ?? '')) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return !requireOrigin;
  return [...hosts].some((host) => origin === `http://${host}`);
}

export function tokenOf(request: IncomingMessage): string | null {
  return new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
}

export const CONTENT_SECURITY_POLICY = (port: number): string =>
  [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
