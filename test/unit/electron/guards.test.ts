import { describe, expect, it } from 'vitest';
import { appBase, isAppUrl, isTrustedSender } from '../../../src/main/guards';

const packaged = appBase(undefined, '/opt/Digit Studio/resources/app.asar/out/renderer');
const dev = appBase('http://localhost:5173', '/unused');

describe('app pages (navigation and IPC sender checks)', () => {
  it('accepts the renderer files of the package and nothing beside them', () => {
    expect(isAppUrl('file:///opt/Digit%20Studio/resources/app.asar/out/renderer/index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/Digit%20Studio/resources/app.asar/out/renderer/index.html#/draw', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/Digit%20Studio/resources/app.asar/out/renderer/../../../evil.html', packaged)).toBe(false);
    expect(isAppUrl('file:///tmp/x/renderer/index.html', packaged)).toBe(false);
    expect(isAppUrl('file://evil.example/opt/Digit%20Studio/resources/app.asar/out/renderer/index.html', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
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
    const url = 'file:///opt/Digit%20Studio/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSender({ isMainFrame: true, url }, packaged)).toBe(true);
    expect(isTrustedSender({ isMainFrame: false, url }, packaged)).toBe(false);
    expect(isTrustedSender({ isMainFrame: true, url: 'https://example.com/' }, packaged)).toBe(false);
    expect(isTrustedSender(null, packaged)).toBe(false);
  });
});
