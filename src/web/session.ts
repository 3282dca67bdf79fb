/**
 * How a browser signs in to web mode without a long-lived secret ever sitting in a process's command line, the
 * address bar or the browser's history.
 *
 * The server holds one session secret, in memory only. It hands out links with a one-time code (`/?code=…`); the
 * first request that brings a live code gets the secret as an HttpOnly, SameSite=Strict cookie (page scripts,
 * other sites' pages and their requests never see or send it) and is redirected to the clean `/`. The code is dead
 * from then on. Every page load and the WebSocket upgrade authenticate by that cookie.
 *
 * Why every link gets its own code: the link for the browser launcher passes through argv (xdg-open's and maybe
 * the browser's own), which `ps` shows to every local user, while the line printed in the terminal is seen only by
 * the user. With one code per link, the launcher's code is spent the moment the browser loads it, and the printed
 * code is neither readable in argv nor already spent when the user copies it by hand into another browser.
 *
 * What this does not cover: a local user who polls `ps` fast enough could redeem the launcher's code before the
 * browser does (and be signed in; the user's browser then shows the "not signed in" page), and browsers send a
 * 127.0.0.1 cookie to every port of 127.0.0.1, so a browser lured to another local user's server there shows it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const newSecret = (): string => randomBytes(24).toString('hex');

/** Constant-time comparison, so the time to refuse a guess says nothing about how close it was. */
function secretMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValues(request: IncomingMessage, name: string): string[] {
  const prefix = `${name}=`;
  return (request.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(prefix))
    .map((pair) => pair.slice(prefix.length));
}

export class Sessions {
  readonly #secret = newSecret();
  readonly #codes = new Set<string>();

  /** Cookies are scoped by host, not port: one name per port keeps two web modes from replacing each other's. */
  constructor(private readonly cookieName: string) {}

  /** A fresh code for one link; it signs in exactly one request. */
  issueCode(): string {
    const code = newSecret();
    this.#codes.add(code);
    return code;
  }

  /** True, and the code is dead from now on, when it is one of the live codes. */
  redeem(code: string): boolean {
    for (const live of this.#codes) {
      if (secretMatches(live, code)) return this.#codes.delete(live);
    }
    return false;
  }

  /** The Set-Cookie header for a request that redeemed a code. No Max-Age: it ends with the browser session. */
  cookie(): string {
    return `${this.cookieName}=${this.#secret}; HttpOnly; SameSite=Strict; Path=/`;
  }

  signedIn(request: IncomingMessage): boolean {
    return cookieValues(request, this.cookieName).some((value) => secretMatches(this.#secret, value));
  }
}
