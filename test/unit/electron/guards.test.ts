import { describe, expect, it } from 'vitest';
import { appBase, isAppUrl, isTrustedSender } from '../../../src/main/guards';

const packaged = appBase(undefined, true);
const dev = appBase('http://localhost:5173', false);

describe('app pages (navigation and IPC sender checks)', () => {
  it("serves the packaged app from its own scheme, and ignores ELECTRON_RENDERER_URL once packaged", () => {
    expect(packaged.href).toBe('app://digit-studio/');
    expect(appBase('http://evil.example:8080/', true).href).toBe('app://digit-studio/');
    expect(appBase(undefined, false).href).toBe('app://digit-studio/');
  });

  it('accepts pages of the app scheme and nothing beside them', () => {
    expect(isAppUrl('app://digit-studio/index.html', packaged)).toBe(true);
    expect(isAppUrl('app://digit-studio/index.html#/draw', packaged)).toBe(true);
    expect(isAppUrl('app://digit-studio/../../etc/passwd', packaged)).toBe(true); // resolves to app://digit-studio/etc/passwd, a 404
    expect(isAppUrl('app://evil.example/index.html', packaged)).toBe(false);
    expect(isAppUrl('app://digit-studio.evil.example/', packaged)).toBe(false);
    expect(isAppUrl('app://user:pw@digit-studio/', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/Digit%20Studio/resources/app.asar/out/renderer/index.html', packaged)).toBe(false);
    expect(isAppUrl('https://digit-studio/', packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
  });

  it('accepts the dev server origin only, not look-alike hosts or other ports', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.ts?t=1', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', dev)).toBe(false);
  });

  it('serves IPC only to the top frame of an app page', () => {
    const url = 'app://digit-studio/index.html';
    expect(isTrustedSender({ isMainFrame: true, url }, packaged)).toBe(true);
    expect(isTrustedSender({ isMainFrame: false, url }, packaged)).toBe(false);
    expect(isTrustedSender({ isMainFrame: true, url: 'https://example.com/' }, packaged)).toBe(false);
    expect(isTrustedSender(null, packaged)).toBe(false);
  });
});
