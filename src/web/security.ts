/**
 * Which requests may reach web mode at all: only those addressed to this server by its own name (Host) and, when
 * they come from a page, from a page it served itself (Origin), so neither another site in the user's browser nor
 * a DNS-rebinding page gets in. Who is signed in is session.ts's question.
 */
import type { IncomingMessage } from 'node:http';

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
