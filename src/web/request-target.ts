/**
 * The one place web mode reads a request's target (`GET <target> HTTP/1.1`). Anyone on the machine, and any web
 * page in the user's browser (`<img src="http://127.0.0.1:PORT/%">`), can send a target that makes `new URL` or
 * `decodeURIComponent` throw; a throw there used to take the whole server down. Here every such target is
 * simply `null`, which the callers answer with 400.
 */
export interface RequestTarget {
  /** Percent-decoded path, always starting with `/`, never containing a NUL. */
  path: string;
  params: URLSearchParams;
}

// The host is fixed: the request's Host header is checked separately (security.ts) and never shapes the path.
const BASE = 'http://127.0.0.1';

export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  // Only the origin form (`/path?query`): the absolute form (`http://host/path`) and `*` are never sent by the
  // browser to this server, so they are refused rather than interpreted.
  if (!raw?.startsWith('/')) return null;
  try {
    // Prefixing the base (instead of `new URL(raw, BASE)`) keeps `//evil.example/x` a path, not a host.
    const url = new URL(BASE + raw);
    const path = decodeURIComponent(url.pathname);
    return path.includes('\0') ? null : { path, params: url.searchParams };
  } catch {
    return null;
  }
}
