/**
 * The contract over the web mode's WebSocket. The socket is same-origin and signed in by the HttpOnly session
 * cookie the server set when this browser opened its one-time link (src/web/session.ts); the page never sees a
 * secret.
 */
import type { ApiEvent, DigitStudioApi, Method, Request, Responses } from '../../../core/api/contract';
import type { ServerMessage } from '../../../core/api/wire';

/**
 * The server answers a one-time link with a redirect to the clean `/`; should the address still carry its
 * `?code=` (a spent code, but a secret-looking one), drop it from the address bar and this history entry.
 */
export function forgetSignInCode(location: Location, history: History): void {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return;
  params.delete('code');
  const search = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
}

export function createWebSocketApi(location: Location = window.location, history: History = window.history): DigitStudioApi {
  forgetSignInCode(location, history);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(event: ApiEvent) => void>();
  let nextId = 1;

  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('cannot reach the Digit Studio backend (is `npm run web` still running?)')), { once: true });
  });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as ServerMessage;
    if ('event' in data) {
      for (const listener of listeners) listener(data.event);
      return;
    }
    const call = data.id === null ? undefined : pending.get(data.id);
    if (!call) return;
    pending.delete(data.id as number);
    if (data.ok) call.resolve(data.result);
    else call.reject(new Error(data.error));
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.reject(new Error('the connection to the Digit Studio backend was closed'));
    pending.clear();
  });

  return {
    async call<M extends Method>(method: M, request: Request<M>): Promise<Responses[M]> {
      await opened;
      const id = nextId++;
      return new Promise<Responses[M]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params: request }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
