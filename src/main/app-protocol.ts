/**
 * The app's own scheme, app://digit-studio/, which serves the built renderer to the window. With the
 * GrantFileProtocolExtraPrivileges fuse off, file:// pages are treated as a browser treats them (origin
 * `null`, module scripts refused by CORS), so Electron's security checklist ("Use custom protocols instead of
 * file://") is what makes the packaged window load at all. Registered as standard + secure so the page has a
 * real origin, relative URLs and a secure context.
 */
import type { CustomScheme } from 'electron';
import { readRendererFile, rendererContentSecurityPolicy } from '../core/static/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'digit-studio';
/** Where every packaged app page lives. */
export const APP_BASE = new URL(`${APP_SCHEME}://${APP_HOST}/`);

/** For protocol.registerSchemesAsPrivileged, which must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The protocol.handle handler: GET/HEAD of files under `rendererDir` only, with their MIME type and the CSP
 * header; anything else is 400/404/405 with an empty body.
 */
export function appFileHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response(null, { status: 400 });
    }
    if (url.protocol !== APP_BASE.protocol || url.host !== APP_BASE.host) return new Response(null, { status: 404 });
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return new Response(null, { status: 400 });
    }
    const file = await readRendererFile(rendererDir, path);
    if (file.status !== 200) return new Response(null, { status: file.status });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': rendererContentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  };
}
