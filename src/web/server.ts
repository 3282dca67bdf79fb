/**
 * Web mode: the built renderer over HTTP and the API contract over a WebSocket, on 127.0.0.1 only.
 * The same AppService as the Electron main process answers every call.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError } from '../core/api/contract';
import { MAX_MESSAGE_BYTES, callMessageSchema, type ServerMessage } from '../core/api/wire';
import type { AppService } from '../core/service/app-service';
import { CONTENT_SECURITY_POLICY, newToken, requestAllowed, tokenMatches, tokenOf } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function reply(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** Readable one-line error for the UI; internal errors keep their message but never a stack trace. */
function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

async function handleMessage(service: AppService, socket: WebSocket, raw: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return reply(socket, { id: null, ok: false, error: 'malformed message: not JSON' });
  }
  const message = callMessageSchema.safeParse(parsed);
  if (!message.success) return reply(socket, { id: null, ok: false, error: 'malformed message: expected {id, method, params}' });
  const { id, method, params } = message.data;
  try {
    reply(socket, { id, ok: true, result: await service.call(method, params) });
  } catch (error) {
    reply(socket, { id, ok: false, error: errorMessage(error) });
  }
}

export async function startWebServer(service: AppService, options: { port: number; staticDir: string }): Promise<WebServer> {
  const token = newToken();
  let port = options.port;
  const root = normalize(options.staticDir + sep);

  const serveStatic = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!requestAllowed(request, port, false) || request.method !== 'GET') {
      response.writeHead(403).end();
      return;
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    // The page needs the token; its scripts and styles hold no user data.
    if (isPage && !tokenMatches(token, tokenOf(request))) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Digit Studio: open the address printed in the terminal (it carries the access token).');
      return;
    }
    const file = normalize(join(root, isPage ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY(port),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  };

  const server: Server = createServer((request, response) => void serveStatic(request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api' || !requestAllowed(request, port, true) || !tokenMatches(token, tokenOf(request))) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });
  sockets.on('connection', (ws: WebSocket) => {
    const unsubscribe = service.onEvent((event) => reply(ws, { event }));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return reply(ws, { id: null, ok: false, error: 'malformed message: binary frames are not accepted' });
      void handleMessage(service, ws, data.toString());
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}
