/**
 * Web mode's HTTP side: the built renderer's files, the page itself only to a signed-in browser, and the one-time
 * links that sign a browser in (session.ts). Every answer is total: a target that cannot be read is a 400.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRendererFile, rendererContentSecurityPolicy } from '../core/static/renderer-files';
import { parseRequestTarget } from './request-target';
import { requestAllowed } from './security';
import type { Sessions } from './session';

const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

const NOT_SIGNED_IN =
  'Digit Studio: this browser is not signed in. Open the address printed in the terminal: each printed link works once, and restarting `npm run web` prints a new one.';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** `root` is the built renderer's folder. */
export function pageHandler(root: string, port: number, sessions: Sessions): RequestHandler {
  return async (request, response) => {
    const target = parseRequestTarget(request.url);
    if (!target) {
      response.writeHead(400).end();
      return;
    }
    if (!requestAllowed(request, port, false) || request.method !== 'GET') {
      response.writeHead(403).end();
      return;
    }
    const isPage = target.path === '/' || target.path === '/index.html';
    const code = target.params.get('code');
    if (isPage && code !== null && (sessions.signedIn(request) || sessions.redeem(code))) {
      // The code becomes the cookie and the address becomes the clean `/`: no secret stays in the address bar,
      // in the history entry, or in a Referer.
      response.writeHead(303, { location: '/', 'set-cookie': sessions.cookie(), ...PRIVATE }).end();
      return;
    }
    // The page is the way in to the user's data; the scripts and styles it loads hold none.
    if (isPage && !sessions.signedIn(request)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', ...PRIVATE }).end(NOT_SIGNED_IN);
      return;
    }
    const file = await readRendererFile(root, isPage ? '/index.html' : target.path);
    if (file.status !== 200) {
      response.writeHead(file.status).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': rendererContentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
      'x-content-type-options': 'nosniff',
      ...PRIVATE,
    });
    response.end(file.body);
  };
}
