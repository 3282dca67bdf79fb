/**
 * Which pages count as the app's own: the app:// scheme that serves the built renderer, or, in development
 * only (electron-vite dev, never a packaged app), the dev server. Pure, so the navigation and IPC sender checks
 * are unit-tested without Electron.
 */
import { APP_BASE } from './app-protocol';

/**
 * The base every app page lives under. ELECTRON_RENDERER_URL is honoured only when not packaged: in an
 * installed app an environment variable must not be able to point the window at another origin.
 */
export function appBase(devServerUrl: string | undefined, packaged: boolean): URL {
  if (devServerUrl && !packaged) return new URL(new URL(devServerUrl).origin + '/');
  return APP_BASE;
}

/** True only for a page of the app itself; URL parsing resolves `..` and look-alike hosts before comparing. */
export function isAppUrl(url: string, base: URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `host` rather than `origin`: Node's URL gives every non-special scheme (app:) the opaque origin "null".
  return parsed.protocol === base.protocol && parsed.host === base.host && parsed.username === '' && parsed.password === '';
}

/** An IPC call is served only when it comes from the window's own top frame showing an app page. */
export function isTrustedSender(sender: { isMainFrame: boolean; url: string } | null, base: URL): boolean {
  return sender !== null && sender.isMainFrame && isAppUrl(sender.url, base);
}
