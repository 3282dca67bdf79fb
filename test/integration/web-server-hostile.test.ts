/**
 * Web mode as an attacker on the same machine sees it (issue 15, items 2 and 3): malformed requests must not take
 * the server down, and the sign-in must not leak a usable secret (replayed codes, missing cookies, argv).
 */
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsxScript } from '../helpers/tsx-script';
import { openBrowser, type Spawn } from '../../src/web/open-browser';
import type { WebServer } from '../../src/web/server';
import {
  answersSignedIn,
  connect,
  expectedHostileAnswers,
  fireHostileRequests,
  httpGet,
  openAsBrowser,
  pathOf,
  rawRequest,
  signIn,
  startTestWebServer,
  upgradeRequest,
} from './web-server-client';

let server: WebServer;

beforeAll(async () => {
  server = await startTestWebServer();
});
afterAll(() => server.close());

describe('web mode cannot be crashed by malformed requests', () => {
  it('answers each with an error status (400 for an unreadable target), then still serves a browser', async () => {
    expect(await fireHostileRequests(server.port)).toEqual(expectedHostileAnswers(server.port));
    expect(await openAsBrowser(server.port, server.signInUrl())).toMatchObject({ page: 200, reply: { ok: true } });
  });

  it('refuses broken WebSocket handshakes even from a signed-in browser, then still serves it', async () => {
    const cookie = await signIn(server.port, server.signInUrl());
    const broken: Array<[string, number]> = [['Sec-WebSocket-Key: short', 400], ['Sec-WebSocket-Version: 99', 400], ['Upgrade: h2c', 400], ['Origin: null', 403]];
    for (const [header, status] of broken) {
      const request = upgradeRequest(server.port, '/api', `Cookie: ${cookie}\r\n${header}\r\n`);
      expect({ header, status: await rawRequest(server.port, request) }).toEqual({ header, status });
    }
    expect(await rawRequest(server.port, upgradeRequest(server.port, '/api%', `Cookie: ${cookie}\r\n`))).toBe(400);
    expect(await answersSignedIn(server.port, cookie)).toMatchObject({ page: 200, reply: { ok: true } });
  });

  it('survives clients that reset the connection right after a refused upgrade', async () => {
    const upgrade = upgradeRequest(server.port, '/api');
    await Promise.all(
      Array.from({ length: 50 }, () => new Promise<void>((resolve) => {
        const socket = createConnection(server.port, '127.0.0.1', () => {
          socket.write(upgrade);
          setImmediate(() => socket.resetAndDestroy());
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      })),
    );
    expect(await openAsBrowser(server.port, server.signInUrl())).toMatchObject({ page: 200, reply: { ok: true } });
  });
});

describe('signing in with a one-time link', () => {
  it('trades the code for an HttpOnly, SameSite=Strict session cookie and a redirect to the clean address', async () => {
    const answer = await httpGet(server.port, pathOf(server.signInUrl()));
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(answer.headers['cache-control']).toBe('no-store');
    const [cookie] = answer.headers['set-cookie'] as string[];
    const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
    expect(pair).toMatch(new RegExp(`^digit-studio-${server.port}=[0-9a-f]{48}$`));
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
  });

  it('refuses a replayed code: a code signs in one request only', async () => {
    const link = server.signInUrl();
    await signIn(server.port, link);
    const replay = await httpGet(server.port, pathOf(link));
    expect(replay.status).toBe(403);
    expect(replay.headers['set-cookie']).toBeUndefined();
    expect(replay.body).toMatch(/printed in the terminal/);
  });

  it('sends a browser already signed in on from a spent link, without spending a live one', async () => {
    const cookie = await signIn(server.port, server.signInUrl());
    const spent = server.signInUrl();
    await signIn(server.port, spent);
    expect((await httpGet(server.port, pathOf(spent), { cookie })).status).toBe(303);
    const live = server.signInUrl();
    expect((await httpGet(server.port, pathOf(live), { cookie })).status).toBe(303);
    expect((await httpGet(server.port, pathOf(live))).status).toBe(303);
  });

  it('refuses the page and the API socket to a request without the session cookie', async () => {
    expect((await httpGet(server.port, '/')).status).toBe(403);
    expect((await httpGet(server.port, '/index.html')).status).toBe(403);
    const cookie = await signIn(server.port, server.signInUrl());
    expect((await httpGet(server.port, '/', { cookie: `${cookie}x` })).status).toBe(403);
    // Cookies are shared by every port of 127.0.0.1: another web mode's cookie name does not count here.
    expect((await httpGet(server.port, '/', { cookie: cookie.replace(String(server.port), String(server.port + 1)) })).status).toBe(403);
    await expect(connect(server.port, null)).rejects.toThrow('HTTP 403');
  });

  it("gives the browser launcher its own code, never the terminal's or the session secret, in its argv", async () => {
    const terminal = server.signInUrl();
    const launches: Array<{ command: string; args: string[] }> = [];
    const fakeSpawn: Spawn = (command, args) => {
      launches.push({ command, args });
      return Object.assign(new EventEmitter(), { unref: () => undefined }) as unknown as ChildProcess;
    };
    openBrowser(server.signInUrl(), fakeSpawn, 'linux');
    const [launch] = launches;
    expect(launch.command).toBe('xdg-open');
    expect(launch.args).toHaveLength(1);
    const argv = launch.args.join(' ');
    const secret = (await signIn(server.port, terminal)).split('=')[1];
    expect(argv).not.toContain(new URL(terminal).searchParams.get('code'));
    expect(argv).not.toContain(secret);
    // The code the launcher saw signs in the browser once, then is worth nothing to whoever read it in `ps`.
    await signIn(server.port, launch.args[0]);
    expect((await httpGet(server.port, pathOf(launch.args[0]))).status).toBe(403);
  });
});

describe("web mode's process guard", () => {
  const guard = new URL('../../src/web/failures.ts', import.meta.url).href;
  /** Runs `failure` in a fresh Node process with the guard installed; it prints "still serving" if it survives. */
  const run = (failure: string): SpawnSyncReturns<string> => {
    const script = [`import { installProcessGuard } from ${JSON.stringify(guard)};`, 'installProcessGuard();', failure, "setTimeout(() => console.log('still serving'), 200);"];
    return runTsxScript(script.join('\n'), { timeout: 60_000 });
  };

  it('logs an unhandled rejection in one line and keeps serving', () => {
    const result = run("Promise.reject(new Error('lost write\\n    at somewhere'));");
    expect(result.stdout).toBe('still serving\n');
    expect(result.stderr).toBe('digit-studio: web mode: unhandled failure (still serving): lost write\n');
    expect(result.status).toBe(0);
  });

  it('logs an uncaught exception in one line and stops, since its state can no longer be trusted', () => {
    const result = run("setTimeout(() => { throw new Error('half-done\\n    at somewhere'); }, 0);");
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('digit-studio: web mode: internal error, stopping: half-done\n');
    expect(result.status).toBe(1);
  });
});
