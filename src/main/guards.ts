/**
 * Which pages count as the app's own: the renderer's files (packaged) or the dev server (electron-vite dev).
 * Pure, so the navigation and IPC sender checks are unit-tested without Electron.
 */
import { pathToFileURL } from 'node:url';

/** The base every app page lives under: the dev server's origin, or the renderer folder as a file: URL. */
export function appBase(devServerUrl: string | undefined, rendererDir: string): URL {
  if (devServerUrl) return new URL(new URL(devServerUrl).origin + '/');
  return pathToFileURL(rendererDir.endsWith('/') ? rendererDir : `${rendererDir}/`);
}

/** True only for a page of the app itself; URL parsing resolves `..` and look-alike hosts before comparing. */
export function isAppUrl(url: string, base: URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== base.protocol) return false;
  if (base.protocol === 'file:') return parsed.host === '' && parsed.pathname.startsWith(base.pathname);
  return parsed.origin === base.origin;
}

/** An IPC call is served only when it comes from the window's own top frame showing an app page. */
export function isTrustedSender(sender: { isMainFrame: boolean; url: string } | null, base: URL): boolean {
  return sender !== null && sender.isMainFrame && isAppUrl(sender.url, base);
}
