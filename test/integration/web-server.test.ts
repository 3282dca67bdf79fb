import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppService } from '../../src/core/service/app-service';
import { spawnSourceWorker } from '../../src/core/training/spawn-source-worker';
import { startWebServer, type WebServer } from '../../src/web/server';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-web-'));
const staticDir = join(dir, 'static');
let server: WebServer;

function httpGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it when accepted, rejects with the HTTP status when refused. */
function connect(token: string, origin: string | null = `http://127.0.0.1:${server.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${token}`, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function callRaw(ws: WebSocket, payload: string): Promise<Record<string, unknown>> {
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

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Digit Studio</title>');
  const service = new AppService({
    version: 'test',
    shell: 'web',
    userDir: join(dir, 'user'),
    bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
    spawnWorker: spawnSourceWorker,
  });
  server = await startWebServer(service, { port: 0, staticDir });
});
afterAll(() => server.close());

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a tokenised URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('serves the page only with the token, with a strict CSP', async () => {
    expect((await httpGet('/')).status).toBe(403);
    expect((await httpGet('/?token=wrong')).status).toBe(403);
    const ok = await httpGet(`/?token=${server.token}`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-security-policy'])).toMatch(/default-src 'self'.*object-src 'none'/);
    expect((await httpGet(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await httpGet('/../../etc/passwd')).status).toBe(404);
  });

  it('refuses sockets without the token or from a foreign origin', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 403');
    await expect(connect('0'.repeat(48))).rejects.toThrow('HTTP 403');
    await expect(connect(server.token, 'https://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(server.token, `http://localhost:${server.port + 1}`)).rejects.toThrow('HTTP 403');
    await expect(connect(server.token, null)).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls: status and the bundled model', async () => {
    const ws = await connect(server.token);
    const status = await callRaw(ws, JSON.stringify({ id: 1, method: 'status', params: {} }));
    expect(status).toMatchObject({ id: 1, ok: true, result: { shell: 'web', training: { running: false } } });
    const models = await callRaw(ws, JSON.stringify({ id: 2, method: 'listModels', params: {} }));
    expect(models).toMatchObject({ id: 2, ok: true, result: [{ id: 'bundled-digit-mlp', source: 'bundled', params: 269_322 }] });
    ws.close();
  });

  it('malformed and invalid messages get one-line error replies and the server stays up (fuzz)', async () => {
    const ws = await connect(server.token);
    const seeds = [
      'not json',
      '[]',
      '{"id":1}',
      JSON.stringify({ id: 3, method: 'nope', params: {} }),
      JSON.stringify({ id: 4, method: 'startTraining', params: { epochs: -1 } }),
      JSON.stringify({ id: 5, method: 'getModel', params: { id: '../../etc' } }),
      JSON.stringify({ id: 6, method: '__proto__', params: {} }),
      JSON.stringify({ id: 7, method: 'getTestImages', params: { indices: [1e9] } }),
    ];
    let random = 12345;
    const next = (): number => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
    const messages: string[] = [];
    for (let i = 0; i < 520; i++) {
      const base = seeds[i % seeds.length];
      const chars = base.split('');
      const mutations = Math.floor(next() * 4);
      for (let m = 0; m < mutations; m++) chars[Math.floor(next() * chars.length)] = String.fromCharCode(32 + Math.floor(next() * 95));
      messages.push(chars.join(''));
    }
    for (const message of messages) {
      const reply = await callRaw(ws, message);
      if (reply.ok === false) {
        expect(typeof reply.error).toBe('string');
        expect(String(reply.error)).not.toMatch(/\n\s+at /);
      }
    }
    const status = await callRaw(ws, JSON.stringify({ id: 99, method: 'status', params: {} }));
    expect(status).toMatchObject({ id: 99, ok: true });
    ws.close();
  });

  it('an oversized message closes that socket only', async () => {
    const ws = await connect(server.token);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(97 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await connect(server.token);
    expect(await callRaw(again, JSON.stringify({ id: 1, method: 'status', params: {} }))).toMatchObject({ ok: true });
    again.close();
  });
});
