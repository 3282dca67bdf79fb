import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WebServer } from '../../src/web/server';
import { callRaw, connect as connectTo, httpGet as get, signIn, startTestWebServer } from './web-server-client';
import {  } from '../helpers/bundled-models';

let server: WebServer;
let cookie: string;

const httpGet = (path: string, headers: Record<string, string> = {}): ReturnType<typeof get> => get(server.port, path, headers);
const connect = (withCookie: string | null, origin?: string | null): Promise<WebSocket> => connectTo(server.port, withCookie, origin);

beforeAll(async () => {
  server = await startTestWebServer();
  cookie = await signIn(server.port, server.signInUrl());
});
afterAll(() => server.close());

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and hands out one-time sign-in links, a new code each', () => {
    const link = new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?code=[0-9a-f]{48}$`);
    const [a, b] = [server.signInUrl(), server.signInUrl()];
    expect(a).toMatch(link);
    expect(b).toMatch(link);
    expect(a).not.toBe(b);
  });

  it('serves the page only to a signed-in browser, with a strict CSP', async () => {
    expect((await httpGet('/')).status).toBe(403);
    expect((await httpGet('/?code=wrong')).status).toBe(403);
    expect((await httpGet('/', { cookie: `digit-studio-${server.port}=${'0'.repeat(48)}` })).status).toBe(403);
    const ok = await httpGet('/', { cookie });
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-security-policy'])).toMatch(/default-src 'self'.*object-src 'none'/);
    expect((await httpGet('/', { cookie, host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await httpGet('/../../etc/passwd')).status).toBe(404);
  });

  it('refuses sockets without the session cookie or from a foreign origin', async () => {
    await expect(connect(null)).rejects.toThrow('HTTP 403');
    await expect(connect(`digit-studio-${server.port}=${'0'.repeat(48)}`)).rejects.toThrow('HTTP 403');
    await expect(connect(cookie, 'https://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(cookie, `http://localhost:${server.port + 1}`)).rejects.toThrow('HTTP 403');
    await expect(connect(cookie, null)).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls: status and the bundled model', async () => {
    const ws = await connect(cookie);
    const status = await callRaw(ws, JSON.stringify({ id: 1, method: 'status', params: {} }));
    expect(status).toMatchObject({ id: 1, ok: true, result: { shell: 'web', training: { running: false } } });
    const models = await callRaw(ws, JSON.stringify({ id: 2, method: 'listModels', params: {} }));
    expect(models).toMatchObject({ id: 2, ok: true });
    expect(models.result).toContainEqual(expect.objectContaining({ id: 'bundled-digit-mlp', source: 'bundled', params: 269_322 }));
    ws.close();
  });

  it('malformed and invalid messages get one-line error replies and the server stays up (fuzz)', async () => {
    const ws = await connect(cookie);
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
    const ws = await connect(cookie);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(97 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await connect(cookie);
    expect(await callRaw(again, JSON.stringify({ id: 1, method: 'status', params: {} }))).toMatchObject({ ok: true });
    again.close();
  });
});
