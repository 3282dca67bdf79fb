/** Web mode's server in-process for integration tests, and the requests a browser (or an attacker) would send it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { AppService } from '../../src/core/service/app-service';
import { startWebServer, type WebServer } from '../../src/web/server';

/** A server on a fresh user folder, serving a one-line index.html. */
export async function startTestWebServer(): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'digit-studio-web-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Digit Studio</title>');
  const service = new AppService({
    version: 'test',
    shell: 'web',
    userDir: join(dir, 'user'),
    bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
  });
  return startWebServer(service, { port: 0, staticDir });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The path and query of a sign-in link, as a browser would request it. */
export const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;

/** Opens a sign-in link as a browser would; resolves with the `name=value` of the session cookie it set. */
export async function signIn(port: number, url: string): Promise<string> {
  const answer = await httpGet(port, pathOf(url));
  const cookie = answer.headers['set-cookie']?.[0];
  if (answer.status !== 303 || !cookie) throw new Error(`sign-in refused: HTTP ${answer.status}`);
  return cookie.split(';')[0];
}

/** Opens the API socket; resolves with it when accepted, rejects with the HTTP status when refused. */
export function connect(port: number, cookie: string | null, origin: string | null = `http://127.0.0.1:${port}`): Promise<WebSocket> {
  const headers = cookie ? { cookie } : undefined;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one message on the API socket; resolves with the reply to it (events are skipped). */
export function callRaw(ws: WebSocket, payload: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in message) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(payload);
  });
}

/** Sends raw bytes as one request; resolves with the status of the answer, 0 when the server only closed. */
export function rawRequest(port: number, bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1', () => socket.write(bytes, 'latin1'));
    let answer = '';
    socket.setEncoding('latin1');
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk: string) => (answer += chunk));
    // A server that answers before the request is all sent may reset the connection: the status still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

/** A WebSocket handshake as the page would send it; `headers` (`Name: value\r\n` lines) replace same-named ones. */
export function upgradeRequest(port: number, target: string, headers = ''): string {
  const lines = new Map<string, string>();
  const standard =
    `Host: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
  for (const line of `${standard}${headers}`.split('\r\n').filter(Boolean)) lines.set(line.split(':')[0].toLowerCase(), line);
  return `GET ${target} HTTP/1.1\r\n${[...lines.values()].join('\r\n')}\r\n\r\n`;
}

export interface HostileRequest {
  name: string;
  bytes: string;
  /** The status a server that parses defensively answers with. */
  status: number;
}

/** Requests anyone on the machine (or a web page, for the first few) can send without being signed in. */
export function hostileRequests(port: number): HostileRequest[] {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const get = (target: string, headers = host): string => `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
  const upgrade = (target: string): string => upgradeRequest(port, target);
  const cases: Array<[string, string, number]> = [
    ['malformed percent-escape', get('/%'), 400],
    ['truncated UTF-8 escape', get('/%E0%A4%A'), 400],
    ['malformed escape in an asset path', get('/assets/%zz.js'), 400],
    ['malformed escape in the code', get('/?code=%ZZ%'), 403],
    ['absolute form with a broken host', get('http://['), 400],
    ['absolute form', get(`http://127.0.0.1:${port}/`), 400],
    ['asterisk form', get('*'), 400],
    ['encoded NUL', get('/assets/a%00.js'), 400],
    ['raw NUL', get('/\0'), 400],
    ['scheme-relative path', get('//evil.example/x'), 404],
    ['encoded traversal', get('/..%2f..%2f..%2fetc%2fpasswd'), 400], // climbing out of the renderer folder (core/static/renderer-files.ts)
    ['huge path', get(`/${'a'.repeat(70_000)}`), 431],
    ['broken Host', get('/', 'Host: [\r\n'), 403],
    ['foreign Host', get('/', 'Host: evil.example\r\n'), 403],
    ['no Host', get('/', ''), 400],
    ['garbage cookie', get('/', `${host}Cookie: ;;=;digit-studio-${port};=x\r\n`), 403],
    ['not HTTP (a TLS hello)', '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n', 400],
    ['upgrade, malformed percent-escape', upgrade('/%'), 400],
    ['upgrade, absolute form with a broken host', upgrade('http://['), 400],
    ['upgrade, encoded NUL', upgrade('/api%00'), 400],
    ['upgrade, not signed in', upgrade('/api'), 403],
  ];
  return cases.map(([name, bytes, status]) => ({ name, bytes, status }));
}

/** What a signed-in browser gets: the page's status and the reply to a `status` call on the API socket. */
export async function answersSignedIn(port: number, cookie: string): Promise<{ page: number; reply: Record<string, unknown> }> {
  const page = (await httpGet(port, '/', { cookie })).status;
  const ws = await connect(port, cookie);
  const reply = await callRaw(ws, JSON.stringify({ id: 1, method: 'status', params: {} }));
  ws.close();
  return { page, reply };
}

/** What a browser opening the sign-in link `link` gets (see answersSignedIn). */
export async function openAsBrowser(port: number, link: string): Promise<{ page: number; reply: Record<string, unknown> }> {
  return answersSignedIn(port, await signIn(port, link));
}

/** Fires every hostile request, one at a time; resolves with the status each got, next to its name. */
export async function fireHostileRequests(port: number): Promise<Array<{ name: string; status: number }>> {
  const answers = [];
  for (const { name, bytes } of hostileRequests(port)) answers.push({ name, status: await rawRequest(port, bytes) });
  return answers;
}

/** What fireHostileRequests resolves with from a server that parses defensively. */
export const expectedHostileAnswers = (port: number): Array<{ name: string; status: number }> =>
  hostileRequests(port).map(({ name, status }) => ({ name, status }));
