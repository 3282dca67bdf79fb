/**
 * Web mode: the built renderer over HTTP and the API contract over a WebSocket, on 127.0.0.1 only.
 * The same AppService as the Electron main process answers every call.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, callMessageSchema, type ServerMessage } from '../core/api/wire';
import type { AppService } from '../core/service/app-service';
import { userMessage } from '../core/service/failure-message';
import { reportFailure } from './failures';
import { pageHandler } from './pages';
import { parseRequestTarget } from './request-target';
import { requestAllowed } from './security';
import { Sessions } from './session';

export interface WebServer {
  port: number;
  /** A new one-time sign-in link (session.ts); each caller (terminal line, browser launcher) gets its own. */
  signInUrl(): string;
  close(): Promise<void>;
}

function reply(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
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
    reply(socket, { id, ok: false, error: userMessage(error) });
  }
}

/** Why an upgrade request may not open the API socket, as an HTTP status line; null when it may. */
function upgradeRefusal(request: IncomingMessage, port: number, sessions: Sessions): string | null {
  const target = parseRequestTarget(request.url);
  if (!target) return '400 Bad Request';
  if (target.path !== '/api' || !requestAllowed(request, port, true) || !sessions.signedIn(request)) return '403 Forbidden';
  return null;
}

/** Why the server cannot listen, in words for the one line web mode prints before it exits. */
function listenProblem(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new Error(`port ${port} is in use: choose another with --port, or leave it out for a free one`);
  if (error.code === 'EACCES') return new Error(`port ${port} needs administrator rights: choose one above 1023 with --port`);
  return error;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => reject(listenProblem(error, port));
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebServer(service: AppService, options: { port: number; staticDir: string }): Promise<WebServer> {
  const server = createServer();
  // The handlers need the port (Host check, cookie name), so they are attached once it is known. No request can
  // come in between: this continuation runs right after the listen callback, before any further I/O event.
  const port = await listen(server, options.port);
  // Once listening, the server's own errors are failed accepts (rare: libuv absorbs most of a connection flood that
  // exhausts file descriptors): passing, so they are logged and it keeps listening instead of dying unhandled.
  server.on('error', (error) => reportFailure('a connection could not be accepted', error));
  const sessions = new Sessions(`digit-studio-${port}`);
  const servePage = pageHandler(options.staticDir, port, sessions);
  server.on('request', (request, response) => {
    servePage(request, response).catch((error: unknown) => {
      reportFailure('page request failed', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // From 'upgrade' on, Node no longer handles this socket's errors: until ws takes it over, a client that
    // resets the connection would otherwise raise an uncaught exception.
    const destroy = (): void => void socket.destroy();
    socket.on('error', destroy);
    const refusal = upgradeRefusal(request, port, sessions);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    socket.off('error', destroy);
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });
  sockets.on('connection', (ws: WebSocket) => {
    const unsubscribe = service.onEvent((event) => reply(ws, { event }));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return reply(ws, { id: null, ok: false, error: 'malformed message: binary frames are not accepted' });
      handleMessage(service, ws, data.toString()).catch((error: unknown) => reportFailure('API call failed', error));
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
  });

  return {
    port,
    signInUrl: () => `http://127.0.0.1:${port}/?code=${sessions.issueCode()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}
